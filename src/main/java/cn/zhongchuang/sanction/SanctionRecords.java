package cn.zhongchuang.sanction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;
import cn.zhongchuang.platform.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Sanctions in PostgreSQL. */
@Repository
class SanctionRecords {

	private final JdbcClient jdbc;

	SanctionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Sanction s) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO sanction (recognition_id, recognition_number, application_id, institution_name, operator_name,
					  credit_code, region_code, policy_id, finding, found_on, title_revoked, ban_years, ban_starts_on, ban_ends_on,
					  recovery, basis, recorded_by, recorded_at)
					VALUES (:rec, :number, :application, :name, :operator, :credit, :region, :policy, :finding, :on, :revoked,
					  :years, :starts, :ends, :recovery, :basis, :by, :at)
					""")
			.param("rec", s.recognitionId(), java.sql.Types.BIGINT)
			.param("number", s.recognitionNumber(), java.sql.Types.VARCHAR)
			.param("application", s.applicationId(), java.sql.Types.BIGINT)
			.param("name", s.institutionName())
			.param("operator", s.operatorName())
			.param("credit", s.creditCode())
			.param("region", s.regionCode())
			.param("policy", s.policyId())
			.param("finding", s.finding())
			.param("on", s.foundOn())
			.param("revoked", s.titleRevoked())
			.param("years", s.banYears(), java.sql.Types.INTEGER)
			.param("starts", s.banStartsOn(), java.sql.Types.DATE)
			.param("ends", s.banEndsOn(), java.sql.Types.DATE)
			.param("recovery", s.recovery(), java.sql.Types.VARCHAR)
			.param("basis", s.basis(), java.sql.Types.VARCHAR)
			.param("by", s.recordedBy())
			.param("at", s.recordedAt().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean existsForApplication(long applicationId) {
		return this.jdbc.sql("SELECT count(*) FROM sanction WHERE application_id = :id")
			.param("id", applicationId)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsFor(long recognitionId) {
		return this.jdbc.sql("SELECT count(*) FROM sanction WHERE recognition_id = :id")
			.param("id", recognitionId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Sanction> find(long id) {
		return this.jdbc.sql("SELECT * FROM sanction WHERE id = :id")
			.param("id", id)
			.query(SanctionRecords::map)
			.optional();
	}

	/** The ban on the credit code in force on the day that ends last. */
	Optional<Sanction> activeBan(String creditCode, LocalDate day) {
		return this.jdbc.sql("""
				SELECT * FROM sanction WHERE credit_code = :credit AND ban_ends_on IS NOT NULL
				  AND ban_starts_on <= :day AND ban_ends_on >= :day
				ORDER BY ban_ends_on DESC LIMIT 1
				""").param("credit", creditCode).param("day", day).query(SanctionRecords::map).optional();
	}

	PageResult<Sanction> search(List<String> regions, String keyword, boolean activeOnly, LocalDate today, Integer page,
			Integer size) {
		return list(regions, keyword, activeOnly, today).page(ListParams.page(page, size)).results();
	}

	/** 处罚登记: the sorts, newest finding first; the date: 认定日期 of the finding. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("found", "found_on")
		.sort("number", "recognition_number")
		.sort("operator", "operator_name")
		.sort("region", "region_code")
		.sort("ban", "ban_ends_on")
		.defaultSort("found", false)
		.dates("found_on")
		.build();

	/**
	 * Sanctions within the regions, by keyword, only bans in force on {@code today} if
	 * asked.
	 */
	ListQuery<Sanction> list(List<String> regions, String keyword, boolean activeOnly, LocalDate today) {
		ListQuery<Sanction> list = ListQuery.of(this.jdbc, LIST, "SELECT * FROM sanction", SanctionRecords::map)
			.where("region_code = ANY(:scope)", "scope", regions.toArray(String[]::new))
			.keyword(keyword, "(institution_name ILIKE :kw OR operator_name ILIKE :kw OR credit_code ILIKE :kw"
					+ " OR recognition_number ILIKE :kw OR CAST(application_id AS text) = :exact)");
		if (keyword != null && !keyword.isBlank()) {
			list.param("exact", keyword.strip().replaceFirst("^#", ""));
		}
		return activeOnly ? list.where("ban_ends_on >= :today AND ban_starts_on <= :today", "today", today) : list;
	}

	private static Sanction map(ResultSet rs, int n) throws SQLException {
		return new Sanction(rs.getLong("id"), rs.getObject("recognition_id", Long.class),
				rs.getString("recognition_number"), rs.getObject("application_id", Long.class),
				rs.getString("institution_name"), rs.getString("operator_name"), rs.getString("credit_code"),
				rs.getString("region_code"), rs.getString("policy_id"), rs.getString("finding"),
				rs.getObject("found_on", LocalDate.class), rs.getBoolean("title_revoked"),
				(Integer) rs.getObject("ban_years"), rs.getObject("ban_starts_on", LocalDate.class),
				rs.getObject("ban_ends_on", LocalDate.class), rs.getString("recovery"), rs.getString("basis"),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getInt("version"));
	}

}
