package cn.zhongchuang.institution;

import java.util.List;

/**
 * 载体类型 (institutions.md). Labels live in the message bundles under
 * {@code institution.kind.<NAME>}.
 */
public enum InstitutionKind {

	/** 众创空间: comprehensive or specialized. */
	MAKER_SPACE(List.of("NURSERY", "INCUBATOR")),
	/** 创业苗圃: teams before a company exists. */
	NURSERY(List.of("NURSERY")),
	/** 孵化器. */
	INCUBATOR(List.of("INCUBATOR")),
	/** 加速器. */
	ACCELERATOR(List.of("ACCELERATOR")),
	/** 大学科技园. */
	UNIVERSITY_SCIENCE_PARK(List.of("NURSERY", "INCUBATOR", "ACCELERATOR")),
	/** 留学人员创业园. */
	RETURNEE_PARK(List.of("INCUBATOR")),
	/** 小企业创业基地. */
	SMALL_BUSINESS_BASE(List.of("INCUBATOR")),
	/** 产业园. */
	INDUSTRIAL_PARK(List.of("PARK")),
	/** 众创集聚区: a cluster of spaces and service providers. */
	MAKER_SPACE_CLUSTER(List.of("NURSERY", "INCUBATOR", "ACCELERATOR", "PARK"));

	private final List<String> defaultStages;

	InstitutionKind(List<String> defaultStages) {
		this.defaultStages = defaultStages;
	}

	/**
	 * The stages of the incubation chain (苗圃 → 孵化器 → 加速器 → 产业园) an institution of this
	 * kind offers unless its operator says otherwise.
	 */
	public List<String> defaultStages() {
		return this.defaultStages;
	}

	/** Only maker spaces are comprehensive (综合性) or specialized (专业化). */
	public boolean hasSpecialization() {
		return this == MAKER_SPACE;
	}

}
