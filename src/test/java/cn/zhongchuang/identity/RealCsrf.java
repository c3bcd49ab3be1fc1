package cn.zhongchuang.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The CSRF token as a browser has it: the {@code XSRF-TOKEN} cookie and the hidden field
 * of the sign-in page. Unlike spring-security-test's {@code csrf()}, which swaps the
 * filter's token repository for a session-based one for the rest of the context, this
 * leaves the application's cookie repository in place.
 */
final class RealCsrf implements RequestPostProcessor {

	private final Cookie cookie;

	private final String token;

	private RealCsrf(Cookie cookie, String token) {
		this.cookie = cookie;
		this.token = token;
	}

	static RealCsrf fromSignInPage(MockMvc mvc) throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/login").with((request) -> {
			request.setRemoteAddr("10.255.0.1");
			return request;
		})).andReturn().getResponse();
		String hidden = page.getContentAsString().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
		if (hidden.contains("<")) {
			throw new AssertionError("no hidden _csrf field on the sign-in page");
		}
		return new RealCsrf(cookie(page), hidden);
	}

	static Cookie cookie(MockHttpServletResponse response) {
		Cookie cookie = response.getCookie("XSRF-TOKEN");
		if (cookie != null) {
			return cookie;
		}
		String header = response.getHeaders("Set-Cookie")
			.stream()
			.filter((h) -> h.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + response.getHeaders("Set-Cookie")));
		return new Cookie("XSRF-TOKEN", header.substring("XSRF-TOKEN=".length()).split(";")[0]);
	}

	String token() {
		return this.token;
	}

	Cookie cookie() {
		return this.cookie;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		List<Cookie> cookies = new ArrayList<>();
		if (request.getCookies() != null) {
			cookies.addAll(Arrays.asList(request.getCookies()));
		}
		cookies.add(this.cookie);
		request.setCookies(cookies.toArray(Cookie[]::new));
		request.addParameter("_csrf", this.token);
		return request;
	}

}
