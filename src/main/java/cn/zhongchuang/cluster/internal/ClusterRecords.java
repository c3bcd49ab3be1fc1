package cn.zhongchuang.cluster.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clusters, their members and service providers in PostgreSQL. */
@Repository
class ClusterRecords {

	private final JdbcClient jdbc;

	ClusterRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, String> authorities() {
		Map<String, String> out = new LinkedHashMap<>();
		this.jdbc.sql("SELECT region_code, authority FROM cluster_authority ORDER BY region_code")
			.query((rs, n) -> Map.entry(rs.getString("region_code"), rs.getString("authority")))
			.list()
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	Cluster insert(Cluster c) {
		long id = this.jdbc
			.sql("""
					INSERT INTO cluster (institution_id, name, region_code, authority_region, registered_by, registered_at, status)
					VALUES (:institution, :name, :region, :authority, :by, :at, 'APPLIED')
					RETURNING id
					""")
			.param("institution", c.institutionId())
			.param("name", c.name())
			.param("region", c.regionCode())
			.param("authority", c.authorityRegion())
			.param("by", c.registeredBy())
			.param("at", c.registeredAt().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		for (Long member : c.members()) {
			addMember(id, member);
		}
		for (Cluster.Provider p : c.providers()) {
			addProvider(id, p);
		}
		return find(id).orElseThrow();
	}

	void addMember(long clusterId, long institutionId) {
		this.jdbc.sql("""
				INSERT INTO cluster_member (cluster_id, position, institution_id)
				VALUES (:c, (SELECT coalesce(max(position), 0) + 1 FROM cluster_member WHERE cluster_id = :c), :i)
				""").param("c", clusterId).param("i", institutionId).update();
	}

	void addProvider(long clusterId, Cluster.Provider p) {
		this.jdbc.sql(
				"INSERT INTO cluster_provider (cluster_id, name, credit_code, service_kind) VALUES (:c, :n, :code, :k)")
			.param("c", clusterId)
			.param("n", p.name())
			.param("code", p.creditCode())
			.param("k", p.serviceKind().name())
			.update();
	}

	void update(Cluster c) {
		int n = this.jdbc
			.sql("""
					UPDATE cluster SET status = :status, number = :number, recognized_on = :recognized, authority = :authority,
					  refusal_reason = :refusal, revocation_reason = :revocation, decided_on = :decided, decided_by = :by,
					  version = version + 1
					WHERE id = :id AND version = :version
					""")
			.param("status", c.status().name())
			.param("number", c.number(), java.sql.Types.VARCHAR)
			.param("recognized", c.recognizedOn(), java.sql.Types.DATE)
			.param("authority", c.authority(), java.sql.Types.VARCHAR)
			.param("refusal", c.refusalReason(), java.sql.Types.VARCHAR)
			.param("revocation", c.revocationReason(), java.sql.Types.VARCHAR)
			.param("decided", c.decidedOn(), java.sql.Types.DATE)
			.param("by", c.decidedBy(), java.sql.Types.VARCHAR)
			.param("id", c.id())
			.param("version", c.version())
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("cluster " + c.id());
		}
	}

	boolean numberTaken(String number) {
		return this.jdbc.sql("SELECT count(*) FROM cluster WHERE number = :n")
			.param("n", number)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsFor(long institutionId) {
		return this.jdbc.sql("SELECT count(*) FROM cluster WHERE institution_id = :i")
			.param("i", institutionId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Cluster> find(long id) {
		return this.jdbc.sql("SELECT * FROM cluster WHERE id = :id").param("id", id).query(this::map).optional();
	}

	List<Cluster> recognizedWithin(Collection<String> regions) {
		return this.jdbc
			.sql("SELECT * FROM cluster WHERE status = 'RECOGNIZED' AND region_code = ANY(:r) ORDER BY number")
			.param("r", regions.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	/** 众创集聚区 list: newest registration first; the date: 登记日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("registered", "registered_at")
		.sort("name", "name")
		.sort("status", "status")
		.sort("recognized", "recognized_on")
		.sort("number", "number")
		.defaultSort("registered", false)
		.instants("registered_at")
		.build();

	/**
	 * Clusters within {@code regions} (or whose recognizing jurisdiction is), or for an
	 * operator ({@code regions} null) those whose institution or a member is one of its.
	 */
	ListQuery<Cluster> list(List<String> regions, List<Long> operatorInstitutions, String keyword,
			ClusterStatus status) {
		ListQuery<Cluster> list = ListQuery.of(this.jdbc, LIST, "SELECT * FROM cluster", this::map);
		if (regions != null) {
			list.where("(region_code = ANY(:scope) OR authority_region = ANY(:scope))", "scope",
					regions.toArray(String[]::new));
		}
		else {
			list.where(
					"(institution_id = ANY(:mine) OR id IN (SELECT cluster_id FROM cluster_member WHERE institution_id = ANY(:mine)))",
					"mine", operatorInstitutions.toArray(Long[]::new));
		}
		list.keyword(keyword, "(name ILIKE :kw OR number ILIKE :kw)");
		return list.filter((status != null) ? status.name() : null, "status = :status", "status");
	}

	private Cluster map(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<Long> members = this.jdbc
			.sql("SELECT institution_id FROM cluster_member WHERE cluster_id = :c ORDER BY position")
			.param("c", id)
			.query(Long.class)
			.list();
		List<Cluster.Provider> providers = this.jdbc
			.sql("SELECT id, name, credit_code, service_kind FROM cluster_provider WHERE cluster_id = :c ORDER BY id")
			.param("c", id)
			.query((r, i) -> new Cluster.Provider(r.getLong("id"), r.getString("name"), r.getString("credit_code"),
					Cluster.ServiceKind.valueOf(r.getString("service_kind"))))
			.list();
		return new Cluster(id, rs.getLong("institution_id"), rs.getString("name"), rs.getString("region_code"),
				rs.getString("authority_region"), rs.getString("registered_by"),
				rs.getTimestamp("registered_at").toInstant(), ClusterStatus.valueOf(rs.getString("status")),
				rs.getString("number"), rs.getObject("recognized_on", LocalDate.class), rs.getString("authority"),
				rs.getString("refusal_reason"), rs.getString("revocation_reason"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getInt("version"), members,
				providers);
	}

}
