package cn.zhongchuang.identity;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 finding 6: Tomcat's own error report (a request refused before the
 * application) carries the security headers.
 */
class ErrorReportHeadersTests {

	@Test
	void tomcatsErrorReportCarriesTheSecurityHeaders() throws Exception {
		Connector connector = new Connector("HTTP/1.1");
		Request request = new Request(connector, new org.apache.coyote.Request());
		Response response = new Response(new org.apache.coyote.Response());
		response.setRequest(request);
		request.setResponse(response);
		response.setStatus(400);
		response.setError();

		try {
			new ErrorReportHeaders.HeaderWritingValve().report(request, response, null);
		}
		catch (RuntimeException ex) {
			// writing the (empty) report needs a live connection; the headers come first
		}

		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'self'");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

}
