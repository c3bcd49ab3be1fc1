package cn.zhongchuang.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhongchuang.platform.ListQuery;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL on {@code tenant} and {@code tenant_chain_move}. */
@Repository
class TenantRepository {

	private final JdbcClient jdbc;

	TenantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Tenant insert(Tenant t) {
		long id = this.jdbc
			.sql("""
					INSERT INTO tenant (operator_id, institution_id, region_code, name, credit_code, admitted_on, agreement_signed,
					  agreement_date, in_focus_segment, chain_stage, status, left_on, exit_reason, policy_id, policy_version,
					  admission_outcome, admission_detail, kind, registered_from_team_on, created_at)
					VALUES (:op, :institution, :region, :name, :code, :admitted, :signed, :agreement, :focus, :stage, :status, :left, :reason,
					  :policy, :policyVersion, :outcome, :detail, :kind, :registeredFromTeam, :created)
					RETURNING id
					""")
			.param("op", t.operatorId())
			.param("institution", t.institutionId())
			.param("region", t.regionCode())
			.param("name", t.name())
			.param("code", t.creditCode())
			.param("admitted", t.admittedOn())
			.param("signed", t.agreementSigned())
			.param("agreement", t.agreementDate())
			.param("focus", t.inFocusSegment())
			.param("stage", t.chainStage().name())
			.param("status", t.status().name())
			.param("left", t.leftOn())
			.param("reason", t.exitReason())
			.param("policy", t.policyId())
			.param("policyVersion", t.policyVersion())
			.param("outcome", t.admissionOutcome())
			.param("detail", t.admissionDetail())
			.param("kind", t.kind().name())
			.param("registeredFromTeam", t.registeredFromTeamOn())
			.param("created", Timestamp.from(t.createdAt()))
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	/**
	 * Writes the changed state; a stale version is
	 * {@link OptimisticLockingFailureException}.
	 */
	Tenant update(Tenant t) {
		int rows = this.jdbc
			.sql("""
					UPDATE tenant SET name = :name, chain_stage = :stage, status = :status, left_on = :left, exit_reason = :reason,
					  kind = :kind, credit_code = :code, registered_from_team_on = :registeredFromTeam, version = version + 1
					WHERE id = :id AND version = :version
					""")
			.param("name", t.name())
			.param("stage", t.chainStage().name())
			.param("status", t.status().name())
			.param("left", t.leftOn())
			.param("reason", t.exitReason())
			.param("kind", t.kind().name())
			.param("code", t.creditCode())
			.param("registeredFromTeam", t.registeredFromTeamOn())
			.param("id", t.id())
			.param("version", t.version())
			.update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("tenant " + t.id() + " changed since version " + t.version());
		}
		return find(t.id()).orElseThrow();
	}

	void insertTeam(long tenantId, TeamForm form) {
		this.jdbc.sql("""
				INSERT INTO tenant_team (tenant_id, name, leader, members, member_count, field)
				VALUES (:t, :name, :leader, CAST(:members AS text[]), :count, :field)
				""")
			.param("t", tenantId)
			.param("name", form.name().strip())
			.param("leader", form.leader().strip())
			.param("members", form.members().toArray(String[]::new))
			.param("count", form.people())
			.param("field", form.field().strip())
			.update();
	}

	Optional<TeamView> team(long tenantId) {
		return this.jdbc.sql("SELECT * FROM tenant_team WHERE tenant_id = :t")
			.param("t", tenantId)
			.query((rs, n) -> new TeamView(rs.getString("name"), rs.getString("leader"),
					List.of((String[]) rs.getArray("members").getArray()), rs.getInt("member_count"),
					rs.getString("field")))
			.optional();
	}

	boolean activeTeamNamed(long institutionId, String name) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM tenant WHERE institution_id = :i AND name = :name AND kind = 'TEAM' AND status = 'ACTIVE'
					""")
			.param("i", institutionId)
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Tenant> find(long id) {
		return this.jdbc.sql("SELECT * FROM tenant WHERE id = :id")
			.param("id", id)
			.query(TenantRepository::map)
			.optional();
	}

	boolean exists(long operatorId, String creditCode) {
		return this.jdbc.sql("SELECT count(*) FROM tenant WHERE operator_id = :op AND credit_code = :code")
			.param("op", operatorId)
			.param("code", creditCode)
			.query(Long.class)
			.single() > 0;
	}

	List<Tenant> ofInstitution(long institutionId) {
		return this.jdbc.sql("SELECT * FROM tenant WHERE institution_id = :i ORDER BY admitted_on, id")
			.param("i", institutionId)
			.query(TenantRepository::map)
			.list();
	}

	List<Tenant> ofOperator(long operatorId) {
		return this.jdbc.sql("SELECT * FROM tenant WHERE operator_id = :op ORDER BY admitted_on, id")
			.param("op", operatorId)
			.query(TenantRepository::map)
			.list();
	}

	/**
	 * The tenant list: of one operator, or (operatorId null) in the given regions. One
	 * SELECT over {@code tenant} alone (every column the page shows is on the row, the
	 * region's name comes from the in-memory tree), ordered by the index of the sort.
	 */
	ListQuery<Tenant> list(TenantQuery q, Long operatorId, List<String> regions) {
		ListQuery<Tenant> list = ListQuery.of(this.jdbc, q.listSpec(), "SELECT * FROM tenant", TenantRepository::map);
		if (operatorId != null) {
			list.where("operator_id = :operator", "operator", operatorId);
		}
		else {
			list.where("region_code = ANY (:regions)", "regions", regions.toArray(String[]::new));
		}
		return list.filter((q.status() != null) ? q.status().name() : null, "status = :status", "status")
			.filter((q.stage() != null) ? q.stage().name() : null, "chain_stage = :stage", "stage")
			.filter(q.revenueYear(),
					"id IN (SELECT tenant_id FROM tenant_figure WHERE year = :revenueYear AND revenue_wan IS NOT NULL)",
					"revenueYear")
			.filter(q.ipYear(), "id IN (SELECT tenant_id FROM tenant_figure WHERE year = :ipYear AND valid_ip > 0)",
					"ipYear")
			.keyword(q.keyword(), "(name ILIKE :kw OR credit_code ILIKE :kw)");
	}

	void recordMove(long tenantId, ChainStage from, ChainStage to, LocalDate on, String note, Long by,
			java.time.Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO tenant_chain_move (tenant_id, from_stage, to_stage, moved_on, note, recorded_by, recorded_at)
					VALUES (:t, :from, :to, :on, :note, :by, :at)
					""")
			.param("t", tenantId)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("on", on)
			.param("note", note)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<TenantView.Move> moves(long tenantId) {
		return this.jdbc.sql("SELECT * FROM tenant_chain_move WHERE tenant_id = :t ORDER BY moved_on, id")
			.param("t", tenantId)
			.query((rs, n) -> new TenantView.Move(
					(rs.getString("from_stage") != null) ? ChainStage.valueOf(rs.getString("from_stage")) : null,
					ChainStage.valueOf(rs.getString("to_stage")), rs.getObject("moved_on", LocalDate.class),
					rs.getString("note")))
			.list();
	}

	List<TenantView.Leaving> leavingItems(long tenantId) {
		return this.jdbc.sql("SELECT item, done_on FROM tenant_leaving_item WHERE tenant_id = :t")
			.param("t", tenantId)
			.query((rs, n) -> new TenantView.Leaving(LeavingItem.valueOf(rs.getString("item")),
					rs.getObject("done_on", LocalDate.class)))
			.list();
	}

	boolean tick(long tenantId, LeavingItem item, LocalDate on, long by) {
		return this.jdbc.sql("""
				INSERT INTO tenant_leaving_item (tenant_id, item, done_on, done_by) VALUES (:t, :item, :on, :by)
				ON CONFLICT (tenant_id, item) DO NOTHING
				""").param("t", tenantId).param("item", item.name()).param("on", on).param("by", by).update() == 1;
	}

	static Tenant map(ResultSet rs, int n) throws SQLException {
		return new Tenant(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("institution_id"),
				rs.getString("region_code"), rs.getString("name"), rs.getString("credit_code"),
				rs.getObject("admitted_on", LocalDate.class), rs.getBoolean("agreement_signed"),
				rs.getObject("agreement_date", LocalDate.class), rs.getBoolean("in_focus_segment"),
				ChainStage.valueOf(rs.getString("chain_stage")), TenantStatus.valueOf(rs.getString("status")),
				rs.getObject("left_on", LocalDate.class), rs.getString("exit_reason"), rs.getString("policy_id"),
				rs.getString("policy_version"), rs.getString("admission_outcome"), rs.getString("admission_detail"),
				TenantKind.valueOf(rs.getString("kind")), rs.getObject("registered_from_team_on", LocalDate.class),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

}
