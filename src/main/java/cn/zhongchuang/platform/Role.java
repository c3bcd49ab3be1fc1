package cn.zhongchuang.platform;

/**
 * The roles of the domain (domain.md). Every account has exactly one. Labels live in the
 * message bundles under {@code role.<NAME>}.
 */
public enum Role {

	/** 运营机构: runs a space, keeps its records, applies. */
	OPERATOR,
	/** 县区双创部门: preliminary review, authenticity check, recommendation. */
	COUNTY_REVIEWER,
	/** 市/区科技局: recognising authority at city or district level. */
	CITY_BUREAU,
	/** 省科技厅. */
	PROVINCE,
	/**
	 * 国家级主管部门 (科学技术部, its 火炬中心): records national titles and decides on the provinces'
	 * and municipalities' recommendations; region 全国.
	 */
	NATIONAL,
	/** 评审专家: scores assigned applications only. */
	EXPERT,
	/** 安全审计员: reads the audit trail, changes nothing. */
	AUDITOR,
	/** 系统管理员: users, regions, packs, calendars; cannot erase audit. */
	ADMIN,
	/**
	 * 安全管理员 (三员分立): alone creates, resets and changes the accounts of administrators,
	 * auditors and security administrators; reads no audit, decides nothing.
	 */
	SECURITY_ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The three separated roles of 三员分立: their accounts are managed by the security
	 * administrator only, never by the system administrator.
	 */
	public boolean isPrivileged() {
		return this == ADMIN || this == AUDITOR || this == SECURITY_ADMIN;
	}

	/**
	 * Reviewers, bureau users, the province and the national level: the people who decide
	 * on applications and titles.
	 */
	public boolean isGovernment() {
		return this == COUNTY_REVIEWER || this == CITY_BUREAU || this == PROVINCE || this == NATIONAL;
	}

}
