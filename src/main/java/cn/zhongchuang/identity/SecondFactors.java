package cn.zhongchuang.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor of an account: enrolment confirmed with a code, the code asked
 * after the password, turning it off with a code. A wrong code counts towards the same
 * lockout as a wrong password; a code is accepted once (the last accepted step is kept).
 * Every step is audited; failures are answered with an outcome, not an exception, so that
 * their audit entry and the failure count are committed.
 */
@Service
class SecondFactors {

	private final TotpEnrolments enrolments;

	private final UserAccounts accounts;

	private final IdentityProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	SecondFactors(TotpEnrolments enrolments, UserAccounts accounts, IdentityProperties properties, AuditTrail audit,
			Clock clock) {
		this.enrolments = enrolments;
		this.accounts = accounts;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the account must do after its password. */
	@Transactional(readOnly = true)
	AuthenticatedUser.SecondFactor afterPassword(UserAccount account) {
		if (this.enrolments.exists(account.id())) {
			return AuthenticatedUser.SecondFactor.VERIFY;
		}
		return this.properties.totp().requiredFor(account.role()) ? AuthenticatedUser.SecondFactor.ENROL
				: AuthenticatedUser.SecondFactor.NONE;
	}

	boolean requiredFor(AuthenticatedUser user) {
		return this.properties.totp().requiredFor(user.role());
	}

	@Transactional(readOnly = true)
	Optional<Instant> enrolledSince(long userId) {
		return this.enrolments.find(userId).map(TotpEnrolments.Enrolment::enrolledAt);
	}

	/** The key URI for an authenticator app. */
	String uri(AuthenticatedUser user, String secret) {
		return Totp.uri(this.properties.totp().issuer(), user.username(), secret);
	}

	/**
	 * Enrols the secret the user's app now holds, proven by one of its codes (which is
	 * then used up); refused while another secret is enrolled.
	 */
	@Transactional
	boolean enrol(AuthenticatedUser user, String secret, String code) {
		Instant now = this.clock.instant();
		if (this.enrolments.exists(user.id())) {
			// replacing a factor needs the old one first (turn off, or the
			// administrator's
			// reset): a second browser tab must not swap it silently
			this.audit.record(entry("TOTP_ENROL", user, AuditEntry.Result.FAILURE, "启用动态验证码失败：已启用"));
			return false;
		}
		OptionalLong step = Totp.match(secret, code, now, -1);
		if (step.isEmpty()) {
			this.audit.record(entry("TOTP_ENROL", user, AuditEntry.Result.FAILURE, "启用动态验证码失败：验证码不正确"));
			return false;
		}
		this.enrolments.save(user.id(), secret, step.getAsLong(), now);
		this.audit.record(entry("TOTP_ENROL", user, AuditEntry.Result.SUCCESS, "启用动态验证码"));
		return true;
	}

	/** The second step of the sign-in. */
	@Transactional
	Outcome verify(AuthenticatedUser user, String code) {
		return check(user, code, "TOTP_VERIFY", "动态验证码验证通过", false);
	}

	/** Turns the second factor off, with a current code, unless the role requires it. */
	@Transactional
	Outcome disable(AuthenticatedUser user, String code) {
		if (requiredFor(user)) {
			this.audit.record(entry("TOTP_DISABLE", user, AuditEntry.Result.DENIED, "角色要求动态验证码，不能关闭"));
			return Outcome.REQUIRED;
		}
		return check(user, code, "TOTP_DISABLE", "关闭动态验证码", true);
	}

	private Outcome check(AuthenticatedUser user, String code, String action, String successDetail,
			boolean removeOnSuccess) {
		UserAccount account = this.accounts.findById(user.id()).orElseThrow(() -> new NotFoundException("user"));
		Instant now = this.clock.instant();
		if (!account.enabled() || account.isLocked(now)) {
			this.audit.record(entry(action, user, AuditEntry.Result.FAILURE, account.enabled() ? "账户已锁定" : "账户已停用"));
			return Outcome.LOCKED;
		}
		Optional<TotpEnrolments.Enrolment> enrolment = this.enrolments.find(user.id());
		if (enrolment.isEmpty()) {
			this.audit.record(entry(action, user, AuditEntry.Result.FAILURE, "未启用动态验证码（可能已被管理员重置）"));
			return Outcome.NOT_ENROLLED;
		}
		TotpEnrolments.Enrolment e = enrolment.get();
		OptionalLong step = Totp.match(e.secret(), code, now, e.lastStep());
		if (step.isPresent() && this.enrolments.use(user.id(), step.getAsLong())) {
			if (removeOnSuccess) {
				this.enrolments.delete(user.id());
			}
			else {
				this.accounts.recordSuccess(account.id(), now);
			}
			this.audit.record(entry(action, user, AuditEntry.Result.SUCCESS, successDetail));
			return Outcome.ACCEPTED;
		}
		String reason = Totp.isReplay(e.secret(), code, now, e.lastStep()) ? "动态验证码已使用过" : "动态验证码错误";
		var failure = this.accounts
			.recordFailure(account.id(), now, this.properties.maxFailedLogins(),
					now.plus(this.properties.lockoutDuration()))
			.orElseThrow(() -> new NotFoundException("user"));
		boolean locked = failure.lockedUntil() != null;
		if (failure.lockedNow()) {
			reason += "，连续失败 " + this.properties.maxFailedLogins() + " 次，账户锁定至 " + failure.lockedUntil();
		}
		this.audit.record(entry(action, user, AuditEntry.Result.FAILURE, reason));
		return locked ? Outcome.LOCKED : Outcome.WRONG;
	}

	private static AuditEntry entry(String action, AuthenticatedUser user, AuditEntry.Result result, String detail) {
		return new AuditEntry(action, "user", String.valueOf(user.id()), result, detail, user.regionCode(), null, null);
	}

	enum Outcome {

		ACCEPTED, WRONG, LOCKED, NOT_ENROLLED, REQUIRED

	}

}
