package cn.zhongchuang.expert;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Regions;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool of a bureau (CITY_BUREAU or PROVINCE): experts are registered in the
 * bureau's own region, read by every bureau user whose region contains it; anyone else
 * finds nothing (404).
 */
@Service
class ExpertPool {

	private final Experts experts;

	private final Accounts users;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	ExpertPool(Experts experts, Accounts users, Regions regions, AuditTrail audit, Clock clock) {
		this.experts = experts;
		this.users = users;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	static boolean isBureau(CurrentUser user) {
		return user.hasRole(Role.CITY_BUREAU) || user.hasRole(Role.PROVINCE);
	}

	@Transactional(readOnly = true)
	ListQuery<Expert> list(ExpertQuery query, CurrentUser user) {
		// only a bureau keeps a pool: anyone else sees an empty list
		return isBureau(user) ? this.experts.list(query, this.regions.codesWithin(user.regionCode()))
				: this.experts.list(query, java.util.List.of());
	}

	@Transactional(readOnly = true)
	Expert get(long id, CurrentUser user) {
		return this.experts.findById(id)
			.filter((e) -> isBureau(user) && this.regions.contains(user.regionCode(), e.regionCode()))
			.orElseThrow(() -> new NotFoundException("expert " + id));
	}

	@Transactional(readOnly = true)
	String username(Expert e) {
		return (e.userId() == null) ? null : this.users.find(e.userId()).map(Accounts.Entry::username).orElse(null);
	}

	@Transactional
	Expert create(ExpertForm input, CurrentUser user) {
		if (!isBureau(user)) {
			throw new NotFoundException("expert pool of " + user.username());
		}
		ExpertForm form = input.normalized();
		Long userId = validate(form, user, null);
		Expert saved = this.experts.save(Expert.create(user.regionCode(), form, userId, this.clock.instant()));
		this.audit.record(AuditEntry.success("EXPERT_CREATE", "expert", saved.id(),
				"专家入库 " + saved.name() + "（" + saved.employer() + "，" + saved.fieldsText() + "）", saved.regionCode()));
		return saved;
	}

	@Transactional
	Expert revise(long id, int version, ExpertForm input, CurrentUser user) {
		Expert expert = get(id, user);
		requireVersion(expert, version);
		ExpertForm form = input.normalized();
		Long userId = validate(form, user, id);
		expert.revise(form, userId);
		Expert saved = this.experts.save(expert);
		this.audit.record(AuditEntry.success("EXPERT_UPDATE", "expert", saved.id(),
				"修改专家信息 " + saved.name() + "（" + saved.employer() + "，" + saved.fieldsText() + "）",
				saved.regionCode()));
		return saved;
	}

	@Transactional
	Expert deactivate(long id, int version, CurrentUser user) {
		Expert expert = get(id, user);
		requireVersion(expert, version);
		expert.deactivate();
		Expert saved = this.experts.save(expert);
		this.audit.record(AuditEntry.success("EXPERT_DEACTIVATE", "expert", saved.id(), "停用专家 " + saved.name(),
				saved.regionCode()));
		return saved;
	}

	@Transactional
	Expert activate(long id, int version, CurrentUser user) {
		Expert expert = get(id, user);
		requireVersion(expert, version);
		expert.activate();
		Expert saved = this.experts.save(expert);
		this.audit.record(AuditEntry.success("EXPERT_ACTIVATE", "expert", saved.id(), "启用专家 " + saved.name(),
				saved.regionCode()));
		return saved;
	}

	private static void requireVersion(Expert expert, int version) {
		if (expert.version() != version) {
			throw new OptimisticLockingFailureException("stale expert " + expert.id());
		}
	}

	/** Checks the form; answers the id of the linked EXPERT account, if any. */
	private Long validate(ExpertForm f, CurrentUser user, Long existingId) {
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "name", f.name(), "姓名", 50);
		text(errors, "employer", f.employer(), "工作单位", 100);
		if (f.fields().isEmpty()) {
			errors.put("fields", "请至少填写一个专业领域");
		}
		else if (f.fields().size() > 10 || f.fields().stream().anyMatch((x) -> x.length() > 30)) {
			errors.put("fields", "专业领域最多 10 个，每个不超过 30 个字");
		}
		if (f.title() != null && f.title().length() > 50) {
			errors.put("title", "职称不能超过 50 个字");
		}
		if (f.phone() != null && !f.phone().matches("[0-9+\\- ]{7,20}")) {
			errors.put("phone", "电话号码格式不正确");
		}
		if (f.declaredConflicts().size() > 50 || f.declaredConflicts().stream().anyMatch((x) -> x.length() > 100)) {
			errors.put("declaredConflicts", "申报回避最多 50 条，每条不超过 100 个字");
		}
		Long userId = null;
		if (f.username() != null) {
			Optional<Accounts.Entry> account = this.users.find(f.username())
				.filter((a) -> a.role() == Role.EXPERT && this.regions.contains(user.regionCode(), a.regionCode())
						|| a.role() == Role.EXPERT && this.regions.contains(a.regionCode(), user.regionCode()));
			if (account.isEmpty()) {
				errors.put("username", "未找到本辖区内该登录名的评审专家账号");
			}
			else {
				userId = account.get().id();
				Optional<Long> taken = this.experts.findByUser(userId).map(Expert::id);
				if (taken.isPresent() && !taken.get().equals(existingId)) {
					errors.put("username", "该账号已关联到其他专家");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		return userId;
	}

	private static void text(Map<String, String> errors, String field, String value, String label, int max) {
		if (value == null) {
			errors.put(field, "请填写" + label);
		}
		else if (value.length() > max) {
			errors.put(field, label + "不能超过 " + max + " 个字");
		}
	}

}
