package cn.zhongchuang.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 naming the parameter, request parameters no text field may hold: a
 * NUL or other control character (PostgreSQL cannot store NUL in text: a 500 before), or
 * the replacement character that invalid UTF-8 decodes to. Also a form body that cannot
 * be read at all, and a JSON body on the API above {@code maxApiBody} (413). Multipart
 * bodies are left to the upload handling, which answers 400 for a malformed one.
 */
final class InputGuardFilter extends OncePerRequestFilter {

	private final long maxApiBody;

	InputGuardFilter(long maxApiBody) {
		this.maxApiBody = maxApiBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.startsWith("/api/");
		String contentType = request.getContentType();
		if (api && contentType != null && contentType.toLowerCase().contains("json")
				&& request.getContentLengthLong() > this.maxApiBody) {
			refuse(response, api, HttpStatus.CONTENT_TOO_LARGE, null, "请求体过大（上限 " + (this.maxApiBody / 1024) + " KB）");
			return;
		}
		if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
			Map<String, String[]> parameters;
			try {
				parameters = request.getParameterMap();
			}
			catch (RuntimeException ex) {
				refuse(response, api, HttpStatus.BAD_REQUEST, null, "请求参数无法解析");
				return;
			}
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				String bad = unusable(parameter.getKey()) ? parameter.getKey() : null;
				for (String value : parameter.getValue()) {
					if (bad == null && unusable(value)) {
						bad = parameter.getKey();
					}
				}
				if (bad != null) {
					String name = unusable(bad) ? "?" : bad;
					refuse(response, api, HttpStatus.BAD_REQUEST, name, "参数 " + name + " 含有无效字符（控制字符或非 UTF-8 编码）");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	static boolean unusable(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == '\uFFFD') {
				return true;
			}
		}
		return false;
	}

	private static void refuse(HttpServletResponse response, boolean api, HttpStatus status, String field,
			String detail) throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		if (api) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			String errors = (field != null) ? ",\"errors\":[{\"field\":\"" + json(field) + "\",\"message\":\"含有无效字符\"}]"
					: "";
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"输入有误\",\"status\":" + status.value() + ",\"detail\":\""
						+ json(detail) + "\"" + errors + "}");
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>输入有误 · 众创</title>"
					+ "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"container py-5\">"
					+ "<h1>输入有误</h1><p>" + html(detail) + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
	}

	private static String json(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String html(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
