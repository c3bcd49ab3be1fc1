package cn.zhongchuang.recognition;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every title as it stood on a day, with the particulars of the institution holding it,
 * for statistics (no names, no numbers, no personal data).
 * <p>
 * A title exists from its {@code recognized_on}; its status on a day is ACTIVE unless it
 * ended ({@code ended_on}) on or before that day, then LAPSED or REVOKED as it ended. A
 * title that ended without a recorded day counts as ended. The region is the
 * institution's address (as in the public list of institutions).
 */
@Service
public class TitleCensus {

	private static final String SELECT = """
			SELECT r.institution_id, r.level,
			       CASE WHEN r.status = 'ACTIVE' OR r.ended_on > :asOf THEN 'ACTIVE' ELSE r.status END AS status_on,
			       r.recognized_on, CASE WHEN r.status <> 'ACTIVE' AND NOT r.ended_on > :asOf THEN r.ended_on END AS ended_on,
			       i.kind, i.sector_type, array_to_string(i.service_models, ',') AS service_models, i.region_code
			FROM recognition r JOIN institution i ON i.id = r.institution_id
			WHERE r.recognized_on <= :asOf""";

	private final JdbcClient jdbc;

	TitleCensus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The titles of institutions within the region codes ({@code null} for the whole
	 * country) that existed on {@code asOf}.
	 */
	@Transactional(readOnly = true)
	public List<TitleOnDay> titlesOn(Collection<String> regionCodes, LocalDate asOf) {
		String scope = (regionCodes != null) ? " AND i.region_code = ANY(:scope)" : "";
		var spec = this.jdbc.sql(SELECT + scope).param("asOf", asOf);
		if (regionCodes != null) {
			spec = spec.param("scope", regionCodes.toArray(String[]::new));
		}
		return spec.query(TitleCensus::row).list();
	}

	/** The titles of the institutions that existed on {@code asOf}. */
	@Transactional(readOnly = true)
	public List<TitleOnDay> titlesOfInstitutions(Collection<Long> institutionIds, LocalDate asOf) {
		if (institutionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " AND r.institution_id = ANY(:ids)")
			.param("asOf", asOf)
			.param("ids", institutionIds.toArray(Long[]::new))
			.query(TitleCensus::row)
			.list();
	}

	/**
	 * The titles within the region codes ({@code null} for the whole country) on
	 * {@code asOf}, counted in the database by level and status on that day; of
	 * institutions of one kind only when {@code kind} is given.
	 */
	@Transactional(readOnly = true)
	public List<TitleCount> countsOn(Collection<String> regionCodes, LocalDate asOf, String kind) {
		String scope = ((regionCodes != null) ? " AND i.region_code = ANY(:scope)" : "")
				+ ((kind != null) ? " AND i.kind = :kind" : "");
		var spec = this.jdbc.sql("""
				SELECT r.level,
				       CASE WHEN r.status = 'ACTIVE' OR r.ended_on > :asOf THEN 'ACTIVE' ELSE r.status END AS status_on,
				       count(*) AS titles
				FROM recognition r JOIN institution i ON i.id = r.institution_id
				WHERE r.recognized_on <= :asOf""" + scope + " GROUP BY 1, 2").param("asOf", asOf);
		spec = (regionCodes != null) ? spec.param("scope", regionCodes.toArray(String[]::new)) : spec;
		spec = (kind != null) ? spec.param("kind", kind) : spec;
		return spec
			.query((rs, n) -> new TitleCount(rs.getString("level"), rs.getString("status_on"), rs.getLong("titles")))
			.list();
	}

	/**
	 * The institutions within the region codes ({@code null} for the whole country)
	 * holding at least one ACTIVE title on {@code asOf}, one row per institution with the
	 * levels it holds on that day, found in the database (the titles are not read).
	 */
	@Transactional(readOnly = true)
	public List<Holder> holdersOn(Collection<String> regionCodes, LocalDate asOf) {
		String scope = (regionCodes != null) ? " AND i.region_code = ANY(:scope)" : "";
		var spec = this.jdbc
			.sql("""
					SELECT i.id, i.region_code, i.kind, i.sector_type, array_to_string(i.service_models, ',') AS service_models,
					       h.levels
					FROM (SELECT r.institution_id, string_agg(DISTINCT r.level, ',') AS levels
					      FROM recognition r
					      WHERE r.recognized_on <= :asOf AND (r.status = 'ACTIVE' OR r.ended_on > :asOf)
					      GROUP BY r.institution_id) h
					JOIN institution i ON i.id = h.institution_id
					WHERE true"""
					+ scope)
			.param("asOf", asOf);
		spec = (regionCodes != null) ? spec.param("scope", regionCodes.toArray(String[]::new)) : spec;
		return spec
			.query((rs, n) -> new Holder(rs.getLong("id"), rs.getString("region_code").strip(), rs.getString("kind"),
					rs.getString("sector_type"), strings(rs.getString("service_models")),
					java.util.Set.copyOf(strings(rs.getString("levels")))))
			.list();
	}

	private static TitleOnDay row(java.sql.ResultSet rs, int n) throws SQLException {
		return new TitleOnDay(rs.getLong("institution_id"), rs.getString("level"), rs.getString("status_on"),
				rs.getObject("recognized_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				rs.getString("kind"), rs.getString("sector_type"), strings(rs.getString("service_models")),
				rs.getString("region_code").strip());
	}

	private static List<String> strings(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
	}

	/** How many titles had a level and a status on a day. */
	public record TitleCount(String level, String status, long titles) {
	}

	/**
	 * An institution holding at least one ACTIVE title on a day: its region code, kind,
	 * sector type (null when none), service models and the levels of its ACTIVE titles.
	 */
	public record Holder(long institutionId, String regionCode, String kind, String sectorType,
			List<String> serviceModels, java.util.Set<String> levels) {
	}

	/**
	 * One title on a day: its institution, level and status on that day, the day it was
	 * granted and the day it ended (null when still ACTIVE on that day, or ended on an
	 * unrecorded day), and the institution's kind, sector type (null when none), service
	 * models and region code.
	 */
	public record TitleOnDay(long institutionId, String level, String status, LocalDate recognizedOn, LocalDate endedOn,
			String kind, String sectorType, List<String> serviceModels, String regionCode) {

		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

	}

}
