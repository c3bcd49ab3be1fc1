package cn.zhongchuang.operator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodeCheck;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration and upkeep of an operator's organisation, and who may see which: an
 * operator sees only the organisation they belong to, government users read those within
 * their region, everyone else finds nothing (404).
 */
@Service
class OrganisationRegistry {

	private final Organisations organisations;

	private final Regions regions;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationRegistry(Organisations organisations, Regions regions, AuditTrail audit, Clock clock) {
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/** The organisation the operator belongs to, if they have registered one. */
	@Transactional(readOnly = true)
	Optional<Organisation> mine(CurrentUser user) {
		if (!user.hasRole(Role.OPERATOR)) {
			return Optional.empty();
		}
		return this.organisations.findByMember(user.id());
	}

	/** The operator's own organisation; 404 when they have none. */
	@Transactional(readOnly = true)
	Organisation requireMine(CurrentUser user) {
		return mine(user).orElseThrow(() -> new NotFoundException("organisation of user " + user.id()));
	}

	/**
	 * An organisation the user may read: an operator their own, a government user one
	 * within their region. Anything else is “not found”.
	 */
	@Transactional(readOnly = true)
	Organisation get(long id, CurrentUser user) {
		Optional<Organisation> found;
		if (user.hasRole(Role.OPERATOR)) {
			found = mine(user).filter((o) -> o.id() == id);
		}
		else if (user.role().isGovernment()) {
			found = this.organisations.findById(id)
				.filter((o) -> this.regions.contains(user.regionCode(), o.regionCode()));
		}
		else {
			found = Optional.empty();
		}
		return found.orElseThrow(() -> new NotFoundException("organisation " + id));
	}

	@Transactional(readOnly = true)
	ListQuery<Organisation> list(OrganisationQuery query, CurrentUser user) {
		return this.organisations.list(query, this.regions.codesWithin(user.regionCode()));
	}

	/**
	 * Registers the operator's organisation, once, and makes the operator its member. A
	 * credit code registered elsewhere than the chosen region is accepted with a warning.
	 */
	@Transactional
	Registered register(OrganisationForm input, CurrentUser user) {
		OrganisationForm form = input.normalized();
		Validation v = validate(form, user, null);
		if (this.organisations.isMember(user.id())) {
			v.error("name", "您已登记过运营机构，不能重复登记");
		}
		v.throwIfAny();
		Organisation saved = this.organisations.save(Organisation.register(form, this.clock.instant()));
		this.organisations.addMember(user.id(), saved.id(), this.clock.instant());
		this.audit.record(AuditEntry.success("OPERATOR_REGISTER", "operator_organisation", saved.id(),
				"登记运营机构 " + saved.name() + "（" + saved.creditCode() + "）", saved.regionCode()));
		return new Registered(saved, warnings(form));
	}

	@Transactional
	Registered revise(int version, OrganisationForm input, CurrentUser user) {
		Organisation organisation = requireMine(user);
		if (organisation.version() != version) {
			throw new OptimisticLockingFailureException("stale organisation " + organisation.id());
		}
		OrganisationForm form = input.normalized();
		validate(form, user, organisation.id()).throwIfAny();
		String before = organisation.name() + "/" + organisation.creditCode() + "/" + organisation.regionCode();
		organisation.revise(form);
		Organisation saved = this.organisations.save(organisation);
		this.audit.record(AuditEntry.success("OPERATOR_UPDATE", "operator_organisation", saved.id(),
				"修改运营机构登记信息：" + before + " → " + saved.name() + "/" + saved.creditCode() + "/" + saved.regionCode(),
				saved.regionCode()));
		return new Registered(saved, warnings(form));
	}

	/**
	 * The credit code's verdict while the user types: the reason it is invalid, or a
	 * warning that it was registered in another region.
	 */
	Map<String, String> creditCodeHints(String creditCode, String regionCode) {
		Map<String, String> hints = new LinkedHashMap<>();
		if (creditCode == null || creditCode.isBlank()) {
			return hints;
		}
		CreditCodeCheck check = CreditCodes.check(creditCode);
		if (!check.valid()) {
			hints.put("error", check.reason());
		}
		else {
			hints.putAll(warnings(new OrganisationForm(null, CreditCodes.normalize(creditCode), regionCode, null, null,
					null, null, false, false, null, null)));
		}
		return hints;
	}

	private Validation validate(OrganisationForm f, CurrentUser user, Long existingId) {
		Validation v = new Validation();
		v.text("name", f.name(), "机构名称", 100);
		CreditCodeCheck check = CreditCodes.check(f.creditCode());
		if (!check.valid()) {
			v.error("creditCode", check.reason());
		}
		else {
			this.organisations.idByCreditCode(f.creditCode())
				.filter((id) -> !id.equals(existingId))
				.ifPresent((id) -> v.error("creditCode", "该统一社会信用代码已被其他运营机构登记"));
		}
		if (f.regionCode() == null || this.regions.find(f.regionCode()).isEmpty()) {
			v.error("regionCode", "请选择有效的行政区划");
		}
		else if (!this.regions.contains(user.regionCode(), f.regionCode())) {
			v.error("regionCode", "该区划不在您账户的所属区划范围内");
		}
		v.text("legalRepresentative", f.legalRepresentative(), "法定代表人", 50);
		v.text("contactPhone", f.contactPhone(), "联系电话", 20);
		if (f.contactPhone() != null && !f.contactPhone().matches("[0-9+\\- ]{7,20}")) {
			v.error("contactPhone", "电话号码格式不正确");
		}
		v.text("address", f.address(), "注册地址", 200);
		v.pastDate("establishedOn", f.establishedOn(), "成立日期", ChinaTime.today(this.clock));
		v.choice("leadEntity", f.leadEntity(), "牵头单位类型");
		v.optionalText("employerName", f.employerName(), "主管或出资单位", 100);
		return v;
	}

	/**
	 * 统一社会信用代码第 3–8 位是登记机关的区划。It may be the chosen region or one above it (a municipal
	 * registry); anything else deserves a second look, not a refusal.
	 */
	private Map<String, String> warnings(OrganisationForm f) {
		CreditCodeCheck check = CreditCodes.check(f.creditCode());
		if (!check.valid() || f.regionCode() == null || check.registrationRegion() == null
				|| this.regions.contains(check.registrationRegion(), f.regionCode())) {
			return Map.of();
		}
		return Map.of("creditCode", "提示：该代码的登记机关区划为 " + this.regions.fullName(check.registrationRegion()) + "（"
				+ check.registrationRegion() + "），与所选区划 " + this.regions.fullName(f.regionCode()) + " 不一致，请核对。");
	}

	record Registered(Organisation organisation, Map<String, String> warnings) {
	}

}
