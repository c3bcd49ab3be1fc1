package cn.zhongchuang.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests no controller takes: an unknown path, or a method the path does not accept.
 * Under {@code /api} they answer problem+json; a page answers a Chinese page in the
 * layout. A GET to a path that only takes a POST (the address bar after a refused form, a
 * reload) goes back to the page the form was on, the path one segment up, instead of 405.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequestHandler {

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(HttpServletRequest request, HttpServletResponse response) {
		if (isApi(request)) {
			return problem(HttpStatus.NOT_FOUND, "未找到", "请求的路径不存在", request);
		}
		response.setStatus(404);
		return new ModelAndView("error/404");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		if (isApi(request)) {
			return problem(HttpStatus.METHOD_NOT_ALLOWED, "方法不允许", "该路径不支持 " + ex.getMethod() + " 请求", request);
		}
		if ("GET".equals(request.getMethod())) {
			return new ModelAndView(
					"redirect:" + parent(request.getRequestURI().substring(request.getContextPath().length())));
		}
		response.setStatus(405);
		return new ModelAndView("error/405");
	}

	/**
	 * The path one segment up: {@code /applications/5/decision} →
	 * {@code /applications/5}.
	 */
	static String parent(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		int slash = trimmed.lastIndexOf('/');
		return (slash <= 0) ? "/" : trimmed.substring(0, slash);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
