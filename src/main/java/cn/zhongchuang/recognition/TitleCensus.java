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

	private static TitleOnDay row(java.sql.ResultSet rs, int n) throws SQLException {
		return new TitleOnDay(rs.getLong("institution_id"), rs.getString("level"), rs.getString("status_on"),
				rs.getObject("recognized_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				rs.getString("kind"), rs.getString("sector_type"), strings(rs.getString("service_models")),
				rs.getString("region_code").strip());
	}

	private static List<String> strings(String joined) {
		return (joined == null || joined.isEmpty()) ? List.of() : List.of(joined.split(","));
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
