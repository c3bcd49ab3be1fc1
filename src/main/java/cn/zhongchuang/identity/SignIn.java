package cn.zhongchuang.identity;

import java.time.Clock;
import java.time.Instant;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in: loads accounts for Spring Security, counts failures towards the lockout and
 * records every attempt, successful or not, in the audit trail.
 */
@Service
class SignIn implements UserDetailsService {

	private final UserAccounts accounts;

	private final IdentityProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecondFactors secondFactors;

	SignIn(UserAccounts accounts, IdentityProperties properties, AuditTrail audit, Clock clock,
			SecondFactors secondFactors) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username)
			.map((a) -> a.toPrincipal(this.clock.instant(), this.properties.passwordMaxAge())
				.withSecondFactor(this.secondFactors.afterPassword(a)))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		Authentication auth = event.getAuthentication();
		if (!(auth.getPrincipal() instanceof AuthenticatedUser user)) {
			return;
		}
		boolean codeToFollow = user.secondFactor() == AuthenticatedUser.SecondFactor.VERIFY;
		// With a second factor the failure count stays until the code is right too:
		// otherwise each new sign-in would give an attacker who knows the password
		// another four guesses at the code.
		if (!codeToFollow) {
			this.accounts.recordSuccess(user.id(), this.clock.instant());
		}
		this.audit.record(new AuditEntry("LOGIN", "user", String.valueOf(user.id()), AuditEntry.Result.SUCCESS,
				codeToFollow ? "密码验证通过，待输入动态验证码" : "登录成功", user.regionCode(), user.username(), ip(auth)));
	}

	@EventListener
	@Transactional
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Authentication auth = event.getAuthentication();
		String attempted = String.valueOf(auth.getName());
		Instant now = this.clock.instant();
		String reason = switch (event.getException().getClass().getSimpleName()) {
			case "LockedException" -> "账户已锁定";
			case "DisabledException" -> "账户已停用";
			default -> "用户名或密码错误";
		};
		var account = this.accounts.findByUsername(attempted);
		String region = account.map(UserAccount::regionCode).orElse(null);
		String objectId = account.map((a) -> String.valueOf(a.id())).orElse(null);
		if (account.isPresent() && "用户名或密码错误".equals(reason)) {
			// one UPDATE … RETURNING: parallel guesses are all counted, none fails
			var failure = this.accounts.recordFailure(account.get().id(), now, this.properties.maxFailedLogins(),
					now.plus(this.properties.lockoutDuration()));
			if (failure.isPresent() && failure.get().lockedNow()) {
				reason = "密码错误，连续失败 " + this.properties.maxFailedLogins() + " 次，账户锁定至 " + failure.get().lockedUntil();
			}
			else if (failure.isPresent() && failure.get().lockedUntil() != null) {
				reason = "密码错误（账户已锁定至 " + failure.get().lockedUntil() + "）";
			}
		}
		this.audit.record(new AuditEntry("LOGIN", "user", objectId, AuditEntry.Result.FAILURE, reason, region,
				attempted, ip(auth)));
	}

	private static String ip(Authentication auth) {
		return (auth.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress() : "system";
	}

}
