package cn.zhongchuang.identity;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked (BREACH-safe) CSRF token handling, except that a token the
 * client sent that cannot even be read — bad encoding, a body that is not a valid form or
 * multipart — counts as no token: 403, never 500 (issue 13 finding 6).
 */
final class LenientCsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		try {
			return this.delegate.resolveCsrfTokenValue(request, csrfToken);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
