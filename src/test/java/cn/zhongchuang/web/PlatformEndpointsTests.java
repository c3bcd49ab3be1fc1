package cn.zhongchuang.web;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What is open to anyone and what is not: health and API docs yes, other actuator
 * endpoints no.
 */
@IntegrationTest
class PlatformEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void healthAnswersJsonToAnyClient() throws Exception {
		for (String accept : new String[] { "text/html", "text/plain", "application/xml", "*/*" }) {
			this.mvc.perform(get("/actuator/health").header("Accept", accept))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		}
	}

	@Test
	void otherActuatorEndpointsAreNot() throws Exception {
		for (String endpoint : new String[] { "/actuator/metrics", "/actuator/modulith", "/actuator/info" }) {
			this.mvc.perform(get(endpoint))
				.andExpect((result) -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
					.as(endpoint)
					.isIn(302, 401, 403));
		}
	}

	@Test
	void theOpenApiDescriptionDocumentsTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/policies/{id}/space-eligibility")))
			.andExpect(content().string(containsString("/api/v1/users")));
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
	}

	@Test
	void unknownPagesAnswer404WithoutAStackTrace() throws Exception {
		this.mvc.perform(get("/api/v1/no-such-thing")).andExpect(status().is4xxClientError());
	}

}
