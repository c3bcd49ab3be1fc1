package cn.zhongchuang.chain.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chains and their links in PostgreSQL. */
@Repository
class ChainRecords {

	private final JdbcClient jdbc;

	ChainRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The authorities that designate chain pilots: jurisdiction → name. */
	Map<String, String> authorities() {
		Map<String, String> out = new LinkedHashMap<>();
		this.jdbc.sql("SELECT region_code, authority FROM chain_authority ORDER BY region_code")
			.query((rs, n) -> Map.entry(rs.getString("region_code"), rs.getString("authority")))
			.list()
			.forEach((e) -> out.put(e.getKey(), e.getValue()));
		return out;
	}

	Chain insert(Chain c) {
		long id = this.jdbc
			.sql("""
					INSERT INTO chain (name, region_code, authority_region, applicant_operator, applied_by, applied_at, status)
					VALUES (:name, :region, :authority, :operator, :by, :at, 'APPLIED')
					RETURNING id
					""")
			.param("name", c.name())
			.param("region", c.regionCode())
			.param("authority", c.authorityRegion())
			.param("operator", c.applicantOperator())
			.param("by", c.appliedBy())
			.param("at", c.appliedAt().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		for (Chain.Link l : c.links()) {
			this.jdbc.sql("INSERT INTO chain_link (chain_id, position, institution_id, stage) VALUES (:c, :p, :i, :s)")
				.param("c", id)
				.param("p", l.position())
				.param("i", l.institutionId())
				.param("s", l.stage())
				.update();
		}
		return find(id).orElseThrow();
	}

	/** Writes a decision; a stale version is refused. */
	void update(Chain c) {
		int n = this.jdbc
			.sql("""
					UPDATE chain SET status = :status, number = :number, designated_on = :designated, authority = :authority,
					  refusal_reason = :refusal, revocation_reason = :revocation, decided_on = :decided, decided_by = :by,
					  version = version + 1
					WHERE id = :id AND version = :version
					""")
			.param("status", c.status().name())
			.param("number", c.number(), java.sql.Types.VARCHAR)
			.param("designated", c.designatedOn(), java.sql.Types.DATE)
			.param("authority", c.authority(), java.sql.Types.VARCHAR)
			.param("refusal", c.refusalReason(), java.sql.Types.VARCHAR)
			.param("revocation", c.revocationReason(), java.sql.Types.VARCHAR)
			.param("decided", c.decidedOn(), java.sql.Types.DATE)
			.param("by", c.decidedBy(), java.sql.Types.VARCHAR)
			.param("id", c.id())
			.param("version", c.version())
			.update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("chain " + c.id());
		}
	}

	boolean numberTaken(String number) {
		return this.jdbc.sql("SELECT count(*) FROM chain WHERE number = :n")
			.param("n", number)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Chain> find(long id) {
		return this.jdbc.sql("SELECT * FROM chain WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> map(rs, links(rs.getLong("id"))))
			.optional();
	}

	List<Chain> designatedWithin(Collection<String> regions) {
		return this.jdbc
			.sql("SELECT * FROM chain WHERE status = 'DESIGNATED' AND region_code = ANY(:r) ORDER BY number")
			.param("r", regions.toArray(String[]::new))
			.query((rs, n) -> map(rs, links(rs.getLong("id"))))
			.list();
	}

	List<Chain.Link> links(long chainId) {
		return this.jdbc
			.sql("SELECT position, institution_id, stage FROM chain_link WHERE chain_id = :c ORDER BY position")
			.param("c", chainId)
			.query((rs, n) -> new Chain.Link(rs.getInt("position"), rs.getLong("institution_id"),
					rs.getString("stage")))
			.list();
	}

	/** 孵化链条 list: newest application first; the date: 申请日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("applied", "applied_at")
		.sort("name", "name")
		.sort("status", "status")
		.sort("designated", "designated_on")
		.sort("number", "number")
		.defaultSort("applied", false)
		.instants("applied_at")
		.build();

	/**
	 * The chains whose first institution or whose designating jurisdiction lies within
	 * {@code regions}, or (for an operator, {@code regions} null) that hold one of its
	 * institutions or that it applied for.
	 */
	ListQuery<Chain> list(List<String> regions, Long operatorId, List<Long> operatorInstitutions, String keyword,
			ChainStatus status) {
		ListQuery<Chain> list = ListQuery.of(this.jdbc, LIST, "SELECT * FROM chain",
				(rs, n) -> map(rs, links(rs.getLong("id"))));
		if (regions != null) {
			list.where("(region_code = ANY(:scope) OR authority_region = ANY(:scope))", "scope",
					regions.toArray(String[]::new));
		}
		else {
			list.where(
					"(applicant_operator = :op OR id IN (SELECT chain_id FROM chain_link WHERE institution_id = ANY(:mine)))",
					"op", operatorId)
				.param("mine", operatorInstitutions.toArray(Long[]::new));
		}
		list.keyword(keyword, "(name ILIKE :kw OR number ILIKE :kw)");
		return list.filter((status != null) ? status.name() : null, "status = :status", "status");
	}

	private static Chain map(ResultSet rs, List<Chain.Link> links) throws SQLException {
		return new Chain(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"),
				rs.getString("authority_region"), rs.getLong("applicant_operator"), rs.getString("applied_by"),
				rs.getTimestamp("applied_at").toInstant(), ChainStatus.valueOf(rs.getString("status")),
				rs.getString("number"), rs.getObject("designated_on", LocalDate.class), rs.getString("authority"),
				rs.getString("refusal_reason"), rs.getString("revocation_reason"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getInt("version"), links);
	}

}
