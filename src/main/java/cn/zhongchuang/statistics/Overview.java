package cn.zhongchuang.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public figures of a region on a day, exactly the fields of institutions.md
 * "Statistics". Maps hold only the keys with a count, in the order of the enums.
 */
public record Overview(String region, LocalDate asOf, Institutions institutions, Tenants tenants,
		List<SubRegion> byRegion, List<TargetProgress> targets) {

	/**
	 * {@code total} the distinct institutions holding at least one ACTIVE title; the
	 * {@code by…} maps of kind, sector type and service model count those institutions;
	 * {@code byLevel} the ACTIVE titles per level; {@code byStatus} the titles per
	 * status.
	 */
	public record Institutions(long total, Map<String, Long> byKind, Map<String, Long> byLevel,
			Map<String, Long> byStatus, Map<String, Long> bySectorType, Map<String, Long> byServiceModel) {
	}

	/** The tenants of the counted institutions. */
	public record Tenants(long active, long teams, long graduated) {
	}

	/** A direct sub-region with its institutions counted as {@code total}. */
	public record SubRegion(String region, String name, long institutions) {
	}

	/**
	 * A pack's target with what the system measures: {@code actual} null (and
	 * {@code note} saying why) where it cannot.
	 */
	public record TargetProgress(String policy, String code, String name, String unit, Integer year, String comparator,
			Number value, Number actual, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
	}

}
