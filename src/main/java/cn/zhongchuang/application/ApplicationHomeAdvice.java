package cn.zhongchuang.application;

import cn.zhongchuang.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The home page's 待办 count of applications: the reviewer's queue, the operator's drafts
 * and returns.
 */
@ControllerAdvice
class ApplicationHomeAdvice {

	private final Applications applications;

	ApplicationHomeAdvice(Applications applications) {
		this.applications = applications;
	}

	@ModelAttribute("applicationPending")
	Integer applicationPending(HttpServletRequest request) {
		if (!"/".equals(request.getServletPath())) {
			return null;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			return null;
		}
		return this.applications.pendingFor(user);
	}

}
