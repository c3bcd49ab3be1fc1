package cn.zhongchuang.web;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.Refusals;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A signed-in user's request for an object that is missing or outside their scope (the
 * two answer the same 404, security.md access) is audited as a refusal (issue 13 finding
 * 11): repeated 404s on other operators' ids show up in the audit log.
 */
@Component
class NotFoundAudit {

	private final Refusals refusals;

	NotFoundAudit(Refusals refusals) {
		this.refusals = refusals;
	}

	void record(NotFoundException ex, HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			return;
		}
		String path = request.getRequestURI();
		if (path.length() > 200) {
			path = path.substring(0, 200) + "…";
		}
		String what = (ex.getMessage() != null && ex.getMessage().length() <= 100) ? ex.getMessage() : "object";
		this.refusals.record(new AuditEntry("NOT_FOUND", "request", path, AuditEntry.Result.DENIED,
				request.getMethod() + " " + path + "：对象不存在或不在权限范围内（" + what + "）", user.regionCode(), null, null));
	}

}
