package cn.zhongchuang.operator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A 运营机构: the legal entity that runs a space. It changes only through {@link #revise};
 * the repository stores the result with an optimistic version check.
 */
class Organisation {

	private final Long id;

	private String name;

	private String creditCode;

	private String regionCode;

	private String legalRepresentative;

	private String contactPhone;

	private String address;

	private LocalDate establishedOn;

	private boolean independentLegalEntity;

	private boolean managementAndFinanceRules;

	private LeadEntity leadEntity;

	private String employerName;

	private final Instant createdAt;

	private final int version;

	Organisation(Long id, OrganisationForm form, Instant createdAt, int version) {
		this.id = id;
		apply(form);
		this.createdAt = createdAt;
		this.version = version;
	}

	static Organisation register(OrganisationForm form, Instant now) {
		return new Organisation(null, form, now, 0);
	}

	/** Replaces the registered particulars with checked ones. */
	void revise(OrganisationForm form) {
		apply(form);
	}

	private void apply(OrganisationForm f) {
		this.name = f.name();
		this.creditCode = f.creditCode();
		this.regionCode = f.regionCode();
		this.legalRepresentative = f.legalRepresentative();
		this.contactPhone = f.contactPhone();
		this.address = f.address();
		this.establishedOn = f.establishedOn();
		this.independentLegalEntity = f.independentLegalEntity();
		this.managementAndFinanceRules = f.managementAndFinanceRules();
		this.leadEntity = f.leadEntity();
		this.employerName = f.employerName();
	}

	OrganisationForm form() {
		return new OrganisationForm(this.name, this.creditCode, this.regionCode, this.legalRepresentative,
				this.contactPhone, this.address, this.establishedOn, this.independentLegalEntity,
				this.managementAndFinanceRules, this.leadEntity, this.employerName);
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String creditCode() {
		return this.creditCode;
	}

	String regionCode() {
		return this.regionCode;
	}

	String legalRepresentative() {
		return this.legalRepresentative;
	}

	String contactPhone() {
		return this.contactPhone;
	}

	String address() {
		return this.address;
	}

	LocalDate establishedOn() {
		return this.establishedOn;
	}

	boolean independentLegalEntity() {
		return this.independentLegalEntity;
	}

	boolean managementAndFinanceRules() {
		return this.managementAndFinanceRules;
	}

	LeadEntity leadEntity() {
		return this.leadEntity;
	}

	String employerName() {
		return this.employerName;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	int version() {
		return this.version;
	}

}
