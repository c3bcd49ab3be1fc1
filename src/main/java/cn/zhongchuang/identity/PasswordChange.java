package cn.zhongchuang.identity;

import java.time.Clock;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user replaces their own password: after a reset, on expiry, or whenever they wish.
 */
@Service
class PasswordChange {

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	PasswordChange(UserAccounts accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void change(long userId, String current, String replacement, String confirmation) {
		UserAccount account = this.accounts.findById(userId).orElseThrow(() -> new NotFoundException("user"));
		if (current == null || !this.encoder.matches(current, account.passwordHash())) {
			throw new FieldErrorException("currentPassword", "当前密码不正确");
		}
		PasswordPolicy.violation(replacement, account.username()).ifPresent((v) -> {
			throw new FieldErrorException("newPassword", v);
		});
		if (!replacement.equals(confirmation)) {
			throw new FieldErrorException("confirmPassword", "两次输入的新密码不一致");
		}
		if (this.encoder.matches(replacement, account.passwordHash())) {
			throw new FieldErrorException("newPassword", "新密码不能与当前密码相同");
		}
		account.changePassword(this.encoder.encode(replacement), this.clock.instant());
		this.accounts.save(account);
		this.audit.record(AuditEntry.success("PASSWORD_CHANGE", "user", userId, "修改本人密码", account.regionCode()));
	}

}
