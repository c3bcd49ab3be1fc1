package cn.zhongchuang.identity;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error pages (a request refused before it reaches the application, an error
 * outside the security chain) carry the same security headers as every other response
 * (issue 13 finding 6), and no report or server version.
 */
@Component
class ErrorReportHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof HeaderWritingValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(HeaderWritingValve.class.getName());
			}
		});
	}

	/** Boot's quiet error report valve, with the security headers. */
	public static class HeaderWritingValve extends ErrorReportValve {

		public HeaderWritingValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			writeHeaders(request, response);
			super.report(request, response, throwable);
		}

		static void writeHeaders(Request request, Response response) {
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "SAMEORIGIN");
			response.setHeader("Content-Security-Policy", SecurityConfiguration.CSP);
			response.setHeader("Referrer-Policy", "same-origin");
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			if (request.isSecure()) {
				response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			}
		}

	}

}
