package cn.zhongchuang.application;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.security.core.userdetails.UserDetails;

/** The test accounts' principals are the identity module's {@code UserDetails}. */
final class TestPrincipal {

	private TestPrincipal() {
	}

	static UserDetails of(CurrentUser user) {
		return (UserDetails) user;
	}

}
