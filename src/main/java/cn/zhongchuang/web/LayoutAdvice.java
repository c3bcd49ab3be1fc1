package cn.zhongchuang.web;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.region.Regions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout shows on every page: who is signed in, in which region, and where we
 * are.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final Regions regions;

	private final boolean demoMode;

	LayoutAdvice(Regions regions, @Value("${zhongchuang.demo-data}") boolean demoMode) {
		this.regions = regions;
		this.demoMode = demoMode;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return this.demoMode;
	}

	@ModelAttribute("me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
		return user;
	}

	@ModelAttribute("myRegionName")
	String myRegionName(@AuthenticationPrincipal CurrentUser user) {
		return (user != null) ? this.regions.fullName(user.regionCode()) : null;
	}

	/** The links of the list fragment: sort, page and export keeping the filters. */
	@ModelAttribute("lists")
	ListLinks lists(HttpServletRequest request) {
		return new ListLinks(request);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
