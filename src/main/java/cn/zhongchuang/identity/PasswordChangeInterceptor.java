package cn.zhongchuang.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A user whose password was reset or has expired does nothing else until it is changed:
 * pages redirect to the change form, the API answers 403.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this)
			// the second factor comes first (SecondFactorFilter), the password after it
			.excludePathPatterns("/account/password", SecondFactorFilter.VERIFY_PATH, SecondFactorFilter.ENROL_PATH,
					SecondFactorFilter.ENROL_PATH + "/**", "/logout", "/login", "/error", "/css/**", "/js/**",
					"/img/**", "/webjars/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AuthenticatedUser user && user.passwordChangeRequired()) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpStatus.FORBIDDEN.value(), "password change required");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/account/password");
			}
			return false;
		}
		return true;
	}

}
