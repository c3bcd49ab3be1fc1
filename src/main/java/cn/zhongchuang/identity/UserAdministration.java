package cn.zhongchuang.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with accounts. Every method checks the administrator's
 * region scope (an account outside it is “not found”) and writes the audit trail in the
 * same transaction.
 */
@Service
class UserAdministration {

	private final UserAccounts accounts;

	private final Regions regions;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final TotpEnrolments totp;

	private final org.springframework.context.MessageSource messages;

	private final SessionTermination sessions;

	private final ApplicationEventPublisher events;

	UserAdministration(UserAccounts accounts, Regions regions, PasswordEncoder encoder, AuditTrail audit, Clock clock,
			TotpEnrolments totp, org.springframework.context.MessageSource messages, SessionTermination sessions,
			ApplicationEventPublisher events) {
		this.totp = totp;
		this.messages = messages;
		this.sessions = sessions;
		this.events = events;
		this.accounts = accounts;
		this.regions = regions;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** The role in words for the audit trail (县区审核人员, not COUNTY_REVIEWER). */
	private String roleName(Role role) {
		return this.messages.getMessage("role." + role.name(), null, role.name(), java.util.Locale.SIMPLIFIED_CHINESE);
	}

	@Transactional(readOnly = true)
	ListQuery<UserAccount> list(UserQuery query, CurrentUser admin) {
		return this.accounts.list(query, this.regions.codesWithin(admin.regionCode()));
	}

	@Transactional(readOnly = true)
	UserAccount get(long id, CurrentUser admin) {
		return this.accounts.findById(id)
			.filter((a) -> this.regions.contains(admin.regionCode(), a.regionCode()))
			.orElseThrow(() -> new NotFoundException("user " + id));
	}

	/**
	 * Creates an account with a temporary password the new user must change; returns it
	 * once.
	 */
	@Transactional
	Created create(UserForm form, CurrentUser admin) {
		mayManage(admin, form.role());
		Map<String, String> errors = validate(form, admin);
		if (form.username() == null || !form.username().matches("[A-Za-z][A-Za-z0-9_.-]{2,31}")) {
			errors.put("username", "登录名须以字母开头，3–32 位字母、数字、下划线、点或连字符");
		}
		else if (this.accounts.existsByUsername(form.username())) {
			errors.put("username", "该登录名已被使用");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String temporary = PasswordPolicy.temporary();
		UserAccount saved = this.accounts.save(UserAccount.create(form.username().strip(), form.displayName().strip(),
				this.encoder.encode(temporary), form.role(), form.regionCode(), blankToNull(form.organization()),
				blankToNull(form.phone()), true, now()));
		this.audit.record(AuditEntry.success("USER_CREATE", "user", saved.id(), "创建用户 " + saved.username() + "（"
				+ roleName(saved.role()) + "，" + this.regions.fullName(saved.regionCode()) + "）", saved.regionCode()));
		told(saved, "创建账户", admin);
		return new Created(saved, temporary);
	}

	@Transactional
	UserAccount update(long id, int version, UserForm form, CurrentUser admin) {
		UserAccount account = versioned(get(id, admin), version);
		Role formerRole = account.role();
		mayManage(admin, account.role(), form.role());
		Map<String, String> errors = validate(form, admin);
		if (account.id() == admin.id() && form.role() != account.role()) {
			errors.put("role", "不能修改自己的角色");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String before = roleName(account.role()) + "/" + this.regions.fullName(account.regionCode());
		String beforeCodes = account.role() + "/" + account.regionCode();
		account.updateProfile(form.displayName().strip(), form.role(), form.regionCode(),
				blankToNull(form.organization()), blankToNull(form.phone()));
		UserAccount saved = this.accounts.save(account);
		if (!beforeCodes.equals(saved.role() + "/" + saved.regionCode())) {
			// what the user may see changed: the live sessions carry the old role and
			// region
			this.sessions.endAllOf(saved.username());
		}
		String after = roleName(saved.role()) + "/" + this.regions.fullName(saved.regionCode());
		this.audit.record(AuditEntry.success("USER_UPDATE", "user", id,
				"修改用户 " + saved.username() + "：" + before + " → " + after, saved.regionCode()));
		if (formerRole.isPrivileged() || saved.role().isPrivileged()) {
			told(saved, "修改账户：" + before + " → " + after, admin);
		}
		return saved;
	}

	@Transactional
	UserAccount disable(long id, int version, CurrentUser admin) {
		UserAccount account = versioned(get(id, admin), version);
		mayManage(admin, account.role());
		if (account.id() == admin.id()) {
			throw new FieldErrorException("enabled", "不能停用自己的账户");
		}
		account.disable();
		UserAccount saved = this.accounts.save(account);
		this.sessions.endAllOf(saved.username());
		this.audit
			.record(AuditEntry.success("USER_DISABLE", "user", id, "停用用户 " + saved.username(), saved.regionCode()));
		told(saved, "停用账户", admin);
		return saved;
	}

	@Transactional
	UserAccount enable(long id, int version, CurrentUser admin) {
		UserAccount account = versioned(get(id, admin), version);
		mayManage(admin, account.role());
		account.enable();
		UserAccount saved = this.accounts.save(account);
		this.audit
			.record(AuditEntry.success("USER_ENABLE", "user", id, "启用用户 " + saved.username(), saved.regionCode()));
		told(saved, "启用账户", admin);
		return saved;
	}

	/** Replaces the password with a temporary one, shown once to the administrator. */
	@Transactional
	Created resetPassword(long id, int version, CurrentUser admin) {
		UserAccount account = versioned(get(id, admin), version);
		mayManage(admin, account.role());
		String temporary = PasswordPolicy.temporary();
		account.resetPassword(this.encoder.encode(temporary), now());
		UserAccount saved = this.accounts.save(account);
		this.sessions.endAllOf(saved.username());
		this.audit.record(AuditEntry.success("USER_RESET_PASSWORD", "user", id, "重置用户 " + saved.username() + " 的密码",
				saved.regionCode()));
		told(saved, "重置密码", admin);
		return new Created(saved, temporary);
	}

	/** Whether the account has a TOTP second factor (shown on its page). */
	@Transactional(readOnly = true)
	boolean hasSecondFactor(long id, CurrentUser admin) {
		return this.totp.exists(get(id, admin).id());
	}

	/**
	 * Removes the account's TOTP second factor (a lost phone): the user signs in with the
	 * password alone and enrols again, at once if the role requires it.
	 */
	@Transactional
	void resetSecondFactor(long id, CurrentUser admin) {
		UserAccount account = get(id, admin);
		mayManage(admin, account.role());
		if (!this.totp.delete(account.id())) {
			throw new ConflictException("该用户未启用动态验证码");
		}
		this.audit.record(AuditEntry.success("TOTP_RESET", "user", id, "重置用户 " + account.username() + " 的动态验证码",
				account.regionCode()));
		told(account, "重置动态验证码", admin);
	}

	/**
	 * 三员分立 (security.md, roles): the accounts of administrators, auditors and security
	 * administrators are managed by a security administrator alone, and a security
	 * administrator manages nothing else. Refused with 403; the refusal is audited by the
	 * security chain's access-denied handler.
	 */
	private static void mayManage(CurrentUser actor, Role... roles) {
		boolean privileged = Stream.of(roles).filter(Objects::nonNull).anyMatch(Role::isPrivileged);
		if (actor.role() == Role.SECURITY_ADMIN && !privileged) {
			throw new AccessDeniedException("安全管理员只管理系统管理员、安全审计员和安全管理员的账户");
		}
		if (actor.role() != Role.SECURITY_ADMIN && privileged) {
			throw new AccessDeniedException("系统管理员、安全审计员和安全管理员的账户只能由安全管理员管理（三员分立）");
		}
	}

	/** The auditors hear of every act on a privileged account (event, after commit). */
	private void told(UserAccount account, String what, CurrentUser by) {
		if (account.role().isPrivileged() || by.role() == Role.SECURITY_ADMIN) {
			this.events.publishEvent(new PrivilegedAccountChanged(account.id(), account.username(), account.role(),
					account.regionCode(), what, by.username()));
		}
	}

	private Map<String, String> validate(UserForm form, CurrentUser admin) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.displayName() == null || form.displayName().isBlank()) {
			errors.put("displayName", "请填写姓名");
		}
		else if (form.displayName().length() > 50) {
			errors.put("displayName", "姓名不能超过 50 个字");
		}
		if (form.role() == null) {
			errors.put("role", "请选择角色");
		}
		if (form.regionCode() == null || this.regions.find(form.regionCode()).isEmpty()) {
			errors.put("regionCode", "请选择有效的行政区划");
		}
		else if (!this.regions.contains(admin.regionCode(), form.regionCode())) {
			errors.put("regionCode", "该区划不在您的管辖范围内");
		}
		else if (form.role() == Role.NATIONAL && !cn.zhongchuang.region.Region.NATION.equals(form.regionCode())) {
			errors.put("regionCode", "国家级主管部门的区划须为全国");
		}
		if (form.phone() != null && !form.phone().isBlank() && !form.phone().strip().matches("[0-9+\\- ]{7,20}")) {
			errors.put("phone", "电话号码格式不正确");
		}
		return errors;
	}

	private static UserAccount versioned(UserAccount account, int expected) {
		if (account.version() != expected) {
			throw new org.springframework.dao.OptimisticLockingFailureException("stale user " + account.id());
		}
		return account;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	record Created(UserAccount account, String temporaryPassword) {
	}

	/**
	 * The fields an administrator edits. Role and region are what scope everything else.
	 */
	record UserForm(String username, String displayName, Role role, String regionCode, String organization,
			String phone) {
	}

}
