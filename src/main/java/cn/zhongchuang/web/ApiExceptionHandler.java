package cn.zhongchuang.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as {@code application/problem+json}, naming the field at fault, in
 * Chinese. A request the server cannot read is the client's error (400), never a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final NotFoundAudit notFoundAudit;

	ApiExceptionHandler(NotFoundAudit notFoundAudit) {
		this.notFoundAudit = notFoundAudit;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex, jakarta.servlet.http.HttpServletRequest request) {
		this.notFoundAudit.record(ex, request);
		return problem(HttpStatus.NOT_FOUND, "未找到",
				(ex.publicDetail() != null) ? ex.publicDetail() : "请求的对象不存在或不在您的权限范围内");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "状态冲突", ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "数据已被他人修改", "该记录已被他人修改，请重新加载后再操作");
	}

	@ExceptionHandler(FieldErrorException.class)
	ProblemDetail fields(FieldErrorException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", String.join("；", ex.errors().values()));
		problem.setProperty("errors", errors(ex.errors()));
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "参数 " + ex.getName() + " 的值无效");
		problem.setProperty("errors", errors(Map.of(ex.getName(), "值无效：" + ex.getValue())));
		return problem;
	}

	@ExceptionHandler(java.time.DateTimeException.class)
	ProblemDetail dateOutOfRange(java.time.DateTimeException ex) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "日期超出可处理的范围");
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ProblemDetail multipart(org.springframework.web.multipart.MultipartException ex) {
		if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传的文件超过了允许的大小");
		}
		return problem(HttpStatus.BAD_REQUEST, "请求无法解析", "上传内容格式有误（文件名或分段无效）");
	}

	/**
	 * The last resort: logged with its stack trace, answered without one. Security
	 * exceptions go on to the security filters, which answer 401/403.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		log.error("Unexpected error in API request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统繁忙", "处理请求时出现问题，请稍后重试；操作未生效。");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		ProblemDetail problem;
		if (field != null) {
			problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "字段 " + field + " 的值无效");
			problem.setProperty("errors", errors(Map.of(field, "值无效或类型错误")));
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, "请求无法解析", "请求体不是有效的 JSON");
		}
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "缺少参数 " + ex.getParameterName());
		problem.setProperty("errors", errors(Map.of(ex.getParameterName(), "必填")));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		// a value that could not be converted says so in Chinese, never with the Java
		// types
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(
					(e) -> errors.putIfAbsent(e.getField(), e.isBindingFailure() ? "值无效或类型错误" : e.getDefaultMessage()));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", String.join("；", errors.values()));
		problem.setProperty("errors", errors(errors));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	/**
	 * Whatever Spring answers by itself (405, 415, 406 …) keeps its status, but a detail
	 * that names a Java type is replaced: no class names towards the client.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getDetail() != null
				&& JAVA_NAME.matcher(problem.getDetail()).find()) {
			problem.setDetail("请求无效");
		}
		return response;
	}

	private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern
		.compile("\\b(java|jakarta|org|com|cn|tools)\\.[a-z0-9_]+\\.|Exception\\b");

	/**
	 * The JSON path of the offending value, e.g. {@code space.leaseEnd} or
	 * {@code funds[0].kind}.
	 */
	static String fieldOf(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference ref : jackson.getPath()) {
					if (ref.getPropertyName() != null) {
						if (!path.isEmpty()) {
							path.append('.');
						}
						path.append(ref.getPropertyName());
					}
					else if (ref.getIndex() >= 0) {
						path.append('[').append(ref.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	static List<Map<String, String>> errors(Map<String, String> errors) {
		return errors.entrySet().stream().map((e) -> Map.of("field", e.getKey(), "message", e.getValue())).toList();
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

}
