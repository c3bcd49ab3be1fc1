package cn.zhongchuang.expert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.policy.PackDefinition.ScoringItem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Panels with their members and exclusions, plain SQL. The panel row is version-checked,
 * and so is every member row that changed; {@link #lock} serializes the changes of one
 * panel (two experts submitting last at once must not both miss the reveal).
 */
@Repository
class Panels {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<List<ScoringItem>> SHEET = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Integer>> SCORES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	Panels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Panel> findById(long id) {
		return this.jdbc.sql("SELECT * FROM expert_panel WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/** The panel, its row locked until the transaction ends. */
	Optional<Panel> lock(long id) {
		return this.jdbc.sql("SELECT * FROM expert_panel WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<Panel> inRegions(List<String> scope) {
		return this.jdbc
			.sql("SELECT * FROM expert_panel WHERE region_code = ANY(:scope) ORDER BY drawn_at DESC, id DESC"
					+ " LIMIT 200")
			.param("scope", scope.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	/** Panels where the expert serves or served (not as a waiting alternate). */
	List<Panel> servedBy(long expertId) {
		return this.jdbc.sql("""
				SELECT p.* FROM expert_panel p JOIN expert_panel_member m ON m.panel_id = p.id
				WHERE m.expert_id = :e AND m.status IN ('ASSIGNED', 'SUBMITTED')
				ORDER BY p.drawn_at DESC, p.id DESC
				""").param("e", expertId).query(this::map).list();
	}

	Panel save(Panel p) {
		if (p.id() == null) {
			Subject s = p.subject();
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO expert_panel (subject_type, subject_id, title, region_code, operator_name,
					  operator_credit_code, employers, mentors, investors, tenants, fields, sheet, seed, status,
					  drawn_by, drawn_at)
					VALUES (:type, :sid, :title, :region, :operator, :code, :employers, :mentors, :investors, :tenants,
					  :fields, CAST(:sheet AS jsonb), :seed, :status, :by, :at)
					""")
				.param("type", s.type())
				.param("sid", s.id())
				.param("title", s.title())
				.param("region", s.regionCode())
				.param("operator", s.operatorName())
				.param("code", s.operatorCreditCode())
				.param("employers", s.employers().toArray(String[]::new))
				.param("mentors", s.mentors().toArray(String[]::new))
				.param("investors", s.investors().toArray(String[]::new))
				.param("tenants", s.tenants().toArray(String[]::new))
				.param("fields", p.fields().toArray(String[]::new))
				.param("sheet", json.writeValueAsString(p.sheet()))
				.param("seed", p.seed())
				.param("status", p.status().name())
				.param("by", p.drawnBy())
				.param("at", p.drawnAt().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
			long id = keys.getKey().longValue();
			for (PanelMember m : p.members()) {
				this.jdbc
					.sql("INSERT INTO expert_panel_member (panel_id, expert_id, position, status)"
							+ " VALUES (:p, :e, :pos, :status)")
					.param("p", id)
					.param("e", m.expertId())
					.param("pos", m.position())
					.param("status", m.status().name())
					.update();
			}
			for (Panel.Exclusion x : p.exclusions()) {
				this.jdbc.sql("INSERT INTO expert_panel_exclusion (panel_id, expert_id, reason) VALUES (:p, :e, :r)")
					.param("p", id)
					.param("e", x.expertId())
					.param("r", x.reason())
					.update();
			}
			return findById(id).orElseThrow();
		}
		int rows = this.jdbc.sql("""
				UPDATE expert_panel SET status = :status, revealed_at = :revealed, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", p.status().name())
			.param("revealed", (p.revealedAt() != null) ? p.revealedAt().atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", p.id())
			.param("version", p.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("expert_panel " + p.id() + " was changed by someone else");
		}
		for (PanelMember m : p.members()) {
			if (!m.dirty) {
				continue;
			}
			PanelMember.Inspection in = m.inspection();
			int updated = this.jdbc
				.sql("""
						UPDATE expert_panel_member SET status = :status, scores = CAST(:scores AS jsonb), opinion = :opinion,
						  inspected_on = :on, inspection_place = :place, inspection_findings = :findings,
						  decline_reason = :decline, submitted_at = :submitted, version = version + 1
						WHERE id = :id AND version = :version
						""")
				.param("status", m.status().name())
				.param("scores", (m.scores() != null) ? json.writeValueAsString(m.scores()) : null,
						java.sql.Types.VARCHAR)
				.param("opinion", m.opinion(), java.sql.Types.VARCHAR)
				.param("on", (in != null) ? in.date() : null, java.sql.Types.DATE)
				.param("place", (in != null) ? in.place() : null, java.sql.Types.VARCHAR)
				.param("findings", (in != null) ? in.findings() : null, java.sql.Types.VARCHAR)
				.param("decline", m.declineReason(), java.sql.Types.VARCHAR)
				.param("submitted", (m.submittedAt() != null) ? m.submittedAt().atOffset(ZoneOffset.UTC) : null,
						java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
				.param("id", m.id())
				.param("version", m.version())
				.update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException("expert_panel_member " + m.id() + " was changed");
			}
		}
		return findById(p.id()).orElseThrow();
	}

	private Panel map(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Subject subject = new Subject(rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("title"),
				rs.getString("region_code"), rs.getString("operator_name"), rs.getString("operator_credit_code"),
				Experts.strings(rs.getArray("employers")), Experts.strings(rs.getArray("mentors")),
				Experts.strings(rs.getArray("investors")), Experts.strings(rs.getArray("tenants")));
		List<ScoringItem> sheet = json.readValue(rs.getString("sheet"), SHEET);
		OffsetDateTime revealed = rs.getObject("revealed_at", OffsetDateTime.class);
		List<PanelMember> members = this.jdbc
			.sql("SELECT * FROM expert_panel_member WHERE panel_id = :p ORDER BY position")
			.param("p", id)
			.query(Panels::member)
			.list();
		List<Panel.Exclusion> exclusions = this.jdbc
			.sql("SELECT expert_id, reason FROM expert_panel_exclusion WHERE panel_id = :p ORDER BY expert_id")
			.param("p", id)
			.query((r, i) -> new Panel.Exclusion(r.getLong("expert_id"), r.getString("reason")))
			.list();
		return new Panel(id, subject, sheet, new LinkedHashSet<>(Experts.strings(rs.getArray("fields"))),
				rs.getLong("seed"), Panel.Status.valueOf(rs.getString("status")), rs.getString("drawn_by"),
				rs.getTimestamp("drawn_at").toInstant(), (revealed != null) ? revealed.toInstant() : null,
				rs.getInt("version"), members, exclusions);
	}

	private static PanelMember member(ResultSet rs, int n) throws SQLException {
		String scores = rs.getString("scores");
		LocalDate on = rs.getObject("inspected_on", LocalDate.class);
		String place = rs.getString("inspection_place");
		String findings = rs.getString("inspection_findings");
		PanelMember.Inspection inspection = (on == null && place == null && findings == null) ? null
				: new PanelMember.Inspection(on, place, findings);
		java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
		return new PanelMember(rs.getLong("id"), rs.getLong("expert_id"), rs.getInt("position"),
				PanelMember.Status.valueOf(rs.getString("status")),
				(scores != null) ? new LinkedHashMap<>(json.readValue(scores, SCORES)) : null, rs.getString("opinion"),
				inspection, rs.getString("decline_reason"), (submitted != null) ? submitted.toInstant() : null,
				rs.getInt("version"));
	}

}
