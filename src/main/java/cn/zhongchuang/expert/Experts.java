package cn.zhongchuang.expert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.platform.EncryptedColumn;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PersonalDataCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The pool in PostgreSQL, plain SQL, version-checked updates. */
@Repository
class Experts {

	private final JdbcClient jdbc;

	// the phone is stored SM4-encrypted (security.md, data)
	private final PersonalDataCipher cipher;

	Experts(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Bean
	static EncryptedColumn expertPhone() {
		return new EncryptedColumn("expert", "phone");
	}

	Optional<Expert> findById(long id) {
		return this.jdbc.sql("SELECT * FROM expert WHERE id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Expert> findByUser(long userId) {
		return this.jdbc.sql("SELECT * FROM expert WHERE user_id = :u").param("u", userId).query(this::map).optional();
	}

	Optional<Long> idByUser(long userId) {
		return this.jdbc.sql("SELECT id FROM expert WHERE user_id = :u")
			.param("u", userId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Active experts registered in one of {@code regions}, in id order (the draw's base
	 * order).
	 */
	List<Expert> activeIn(List<String> regions) {
		return this.jdbc.sql("SELECT * FROM expert WHERE active AND region_code = ANY(:r) ORDER BY id")
			.param("r", regions.toArray(String[]::new))
			.query(this::map)
			.list();
	}

	long countIn(String regionCode) {
		return this.jdbc.sql("SELECT count(*) FROM expert WHERE region_code = :r")
			.param("r", regionCode)
			.query(Long.class)
			.single();
	}

	Expert save(Expert e) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", e.name());
		p.put("fields", e.fields().toArray(String[]::new));
		p.put("employer", e.employer());
		p.put("title", e.title());
		p.put("phone", this.cipher.encrypt(e.phone()));
		p.put("userId", e.userId());
		p.put("active", e.active());
		p.put("conflicts", e.declaredConflicts().toArray(String[]::new));
		if (e.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO expert (region_code, name, fields, employer, title, phone, user_id, active,
					  declared_conflicts, created_at)
					VALUES (:region, :name, :fields, :employer, :title, :phone, :userId, :active, :conflicts, :created)
					""")
				.params(p)
				.param("region", e.regionCode())
				.param("created", e.createdAt().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
			return findById(keys.getKey().longValue()).orElseThrow();
		}
		int rows = this.jdbc.sql("""
				UPDATE expert SET name = :name, fields = :fields, employer = :employer, title = :title, phone = :phone,
				  user_id = :userId, active = :active, declared_conflicts = :conflicts, version = version + 1
				WHERE id = :id AND version = :version
				""").params(p).param("id", e.id()).param("version", e.version()).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("expert " + e.id() + " was changed by someone else");
		}
		return findById(e.id()).orElseThrow();
	}

	/** 专家库: the experts within the scope that the filters leave, sortable. */
	ListQuery<Expert> list(ExpertQuery q, List<String> scope) {
		return ListQuery.of(this.jdbc, ExpertQuery.LIST, "SELECT * FROM expert", this::map)
			.where("region_code = ANY(:scope)", "scope", scope.toArray(String[]::new))
			.keyword(q.keyword(), "(name ILIKE :kw OR employer ILIKE :kw)")
			.filter(q.field(), ":field = ANY(fields)", "field")
			.filter(q.active(), "active = :active", "active");
	}

	static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	Expert map(ResultSet rs, int n) throws SQLException {
		Long userId = rs.getObject("user_id", Long.class);
		return new Expert(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"),
				strings(rs.getArray("fields")), rs.getString("employer"), rs.getString("title"),
				this.cipher.decrypt(rs.getString("phone")), userId, rs.getBoolean("active"),
				strings(rs.getArray("declared_conflicts")), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("version"));
	}

}
