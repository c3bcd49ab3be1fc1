package cn.zhongchuang.recognition;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The home page's 待办 count of recommendations waiting for the user's decision. */
@ControllerAdvice
class RecommendationHomeAdvice {

	private final Recommendations recommendations;

	RecommendationHomeAdvice(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@ModelAttribute("recommendationPending")
	Integer recommendationPending(HttpServletRequest request) {
		if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return null;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			return null;
		}
		return this.recommendations.pendingFor(user);
	}

}
