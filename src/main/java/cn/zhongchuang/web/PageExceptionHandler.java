package cn.zhongchuang.web;

import jakarta.servlet.http.HttpServletResponse;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors in pages become friendly pages in the layout, with the right status and no stack
 * trace.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	private final NotFoundAudit notFoundAudit;

	PageExceptionHandler(NotFoundAudit notFoundAudit) {
		this.notFoundAudit = notFoundAudit;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, jakarta.servlet.http.HttpServletRequest request,
			HttpServletResponse response) {
		this.notFoundAudit.record(ex, request);
		response.setStatus(404);
		return "error/404";
	}

	@ExceptionHandler({ ConflictException.class, OptimisticLockingFailureException.class })
	String conflict(RuntimeException ex, HttpServletResponse response, Model model) {
		response.setStatus(409);
		model.addAttribute("message", (ex instanceof ConflictException) ? ex.getMessage() : "该记录已被他人修改，请重新加载后再操作。");
		return "error/409";
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	String badUpload(HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("message", "上传内容格式有误（文件名或分段无效），请重新选择文件上传。");
		return "error/409";
	}

	@ExceptionHandler(java.time.DateTimeException.class)
	String badDate(HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("message", "日期超出可处理的范围。");
		return "error/409";
	}

	/**
	 * A page address with a malformed or missing parameter (an id that is not a number).
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	String badAddress(HttpServletResponse response) {
		response.setStatus(400);
		return "error/400";
	}

	@ExceptionHandler(FieldErrorException.class)
	String badInput(FieldErrorException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("message", String.join("；", ex.errors().values()));
		return "error/409";
	}

}
