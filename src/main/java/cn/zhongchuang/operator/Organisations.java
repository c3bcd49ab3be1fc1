package cn.zhongchuang.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** Organisations and their members in PostgreSQL, plain SQL, version-checked updates. */
@Repository
class Organisations {

	private final JdbcClient jdbc;

	// the contact phone is stored SM4-encrypted (security.md, data)
	private final PersonalDataCipher cipher;

	Organisations(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Bean
	static EncryptedColumn organisationContactPhone() {
		return new EncryptedColumn("operator_organisation", "contact_phone");
	}

	Optional<Organisation> findById(long id) {
		return this.jdbc.sql("SELECT * FROM operator_organisation WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Organisation> findByMember(long userId) {
		return this.jdbc
			.sql("SELECT o.* FROM operator_organisation o JOIN operator_member m ON m.operator_id = o.id"
					+ " WHERE m.user_id = :user")
			.param("user", userId)
			.query(this::map)
			.optional();
	}

	Optional<Long> idByCreditCode(String creditCode) {
		return this.jdbc.sql("SELECT id FROM operator_organisation WHERE credit_code = :code")
			.param("code", creditCode)
			.query(Long.class)
			.optional();
	}

	List<Long> memberIds(long operatorId) {
		return this.jdbc.sql("SELECT user_id FROM operator_member WHERE operator_id = :op ORDER BY user_id")
			.param("op", operatorId)
			.query(Long.class)
			.list();
	}

	boolean isMember(long userId) {
		return this.jdbc.sql("SELECT count(*) FROM operator_member WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single() > 0;
	}

	void addMember(long userId, long operatorId, Instant now) {
		this.jdbc.sql("INSERT INTO operator_member (user_id, operator_id, joined_at) VALUES (:user, :op, :now)")
			.param("user", userId)
			.param("op", operatorId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	Organisation save(Organisation o) {
		if (o.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						INSERT INTO operator_organisation (name, credit_code, region_code, legal_representative, contact_phone,
						  address, established_on, independent_legal_entity, management_and_finance_rules, lead_entity,
						  employer_name, created_at)
						VALUES (:name, :creditCode, :region, :legal, :phone, :address, :established, :independent, :rules,
						  :lead, :employer, :created)
						""")
				.params(params(o))
				.update(keys, "id");
			return findById(keys.getKey().longValue()).orElseThrow();
		}
		int rows = this.jdbc.sql("""
				UPDATE operator_organisation SET name = :name, credit_code = :creditCode, region_code = :region,
				  legal_representative = :legal, contact_phone = :phone, address = :address,
				  established_on = :established, independent_legal_entity = :independent,
				  management_and_finance_rules = :rules, lead_entity = :lead, employer_name = :employer,
				  version = version + 1
				WHERE id = :id AND version = :version
				""").params(params(o)).param("id", o.id()).param("version", o.version()).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException(
					"operator_organisation " + o.id() + " was changed by someone else");
		}
		return findById(o.id()).orElseThrow();
	}

	/** 运营机构: the organisations within the scope that the filters leave, sortable. */
	ListQuery<Organisation> list(OrganisationQuery q, List<String> regionScope) {
		return ListQuery.of(this.jdbc, OrganisationQuery.LIST, "SELECT * FROM operator_organisation", this::map)
			.where("region_code = ANY(:scope)", "scope", regionScope.toArray(String[]::new))
			.keyword(q.keyword(), "(name ILIKE :kw OR credit_code ILIKE :kw OR legal_representative ILIKE :kw)")
			.filter(q.region(), "region_code = :region", "region")
			.filter((q.leadEntity() != null) ? q.leadEntity().name() : null, "lead_entity = :lead", "lead");
	}

	private Map<String, Object> params(Organisation o) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", o.name());
		p.put("creditCode", o.creditCode());
		p.put("region", o.regionCode());
		p.put("legal", o.legalRepresentative());
		p.put("phone", this.cipher.encrypt(o.contactPhone()));
		p.put("address", o.address());
		p.put("established", o.establishedOn());
		p.put("independent", o.independentLegalEntity());
		p.put("rules", o.managementAndFinanceRules());
		p.put("lead", o.leadEntity().name());
		p.put("employer", o.employerName());
		p.put("created", o.createdAt().atOffset(ZoneOffset.UTC));
		return p;
	}

	Organisation map(ResultSet rs, int n) throws SQLException {
		OrganisationForm form = new OrganisationForm(rs.getString("name"), rs.getString("credit_code"),
				rs.getString("region_code"), rs.getString("legal_representative"),
				this.cipher.decrypt(rs.getString("contact_phone")), rs.getString("address"),
				rs.getObject("established_on", LocalDate.class), rs.getBoolean("independent_legal_entity"),
				rs.getBoolean("management_and_finance_rules"), LeadEntity.valueOf(rs.getString("lead_entity")),
				rs.getString("employer_name"));
		return new Organisation(rs.getLong("id"), form, rs.getTimestamp("created_at").toInstant(),
				rs.getInt("version"));
	}

}
