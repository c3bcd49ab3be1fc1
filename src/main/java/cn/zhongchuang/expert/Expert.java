package cn.zhongchuang.expert;

import java.time.Instant;
import java.util.List;

import cn.zhongchuang.platform.ConflictException;

/**
 * A pool expert. Changes only through {@link #revise}, {@link #deactivate} and
 * {@link #activate}; the repository stores the result with an optimistic version check.
 */
class Expert {

	private final Long id;

	private final String regionCode;

	private String name;

	private List<String> fields;

	private String employer;

	private String title;

	private String phone;

	private Long userId;

	private boolean active;

	private List<String> declaredConflicts;

	private final Instant createdAt;

	private final int version;

	Expert(Long id, String regionCode, String name, List<String> fields, String employer, String title, String phone,
			Long userId, boolean active, List<String> declaredConflicts, Instant createdAt, int version) {
		this.id = id;
		this.regionCode = regionCode;
		this.name = name;
		this.fields = List.copyOf(fields);
		this.employer = employer;
		this.title = title;
		this.phone = phone;
		this.userId = userId;
		this.active = active;
		this.declaredConflicts = List.copyOf(declaredConflicts);
		this.createdAt = createdAt;
		this.version = version;
	}

	static Expert create(String regionCode, ExpertForm f, Long userId, Instant now) {
		return new Expert(null, regionCode, f.name(), f.fields(), f.employer(), f.title(), f.phone(), userId, true,
				f.declaredConflicts(), now, 0);
	}

	void revise(ExpertForm f, Long userId) {
		this.name = f.name();
		this.fields = List.copyOf(f.fields());
		this.employer = f.employer();
		this.title = f.title();
		this.phone = f.phone();
		this.userId = userId;
		this.declaredConflicts = List.copyOf(f.declaredConflicts());
	}

	void deactivate() {
		if (!this.active) {
			throw new ConflictException("该专家已停用");
		}
		this.active = false;
	}

	void activate() {
		if (this.active) {
			throw new ConflictException("该专家已在库中启用");
		}
		this.active = true;
	}

	ExpertForm form(String username) {
		return new ExpertForm(this.name, this.fields, this.employer, this.title, this.phone, username,
				this.declaredConflicts);
	}

	String fieldsText() {
		return String.join("、", this.fields);
	}

	/** 138****8000: the middle digits hidden, for lists. */
	String maskedPhone() {
		if (this.phone == null) {
			return null;
		}
		String p = this.phone.replaceAll("\\s", "");
		if (p.length() < 7) {
			return "****";
		}
		return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
	}

	Long id() {
		return this.id;
	}

	String regionCode() {
		return this.regionCode;
	}

	String name() {
		return this.name;
	}

	List<String> fields() {
		return this.fields;
	}

	String employer() {
		return this.employer;
	}

	String title() {
		return this.title;
	}

	String phone() {
		return this.phone;
	}

	Long userId() {
		return this.userId;
	}

	boolean active() {
		return this.active;
	}

	List<String> declaredConflicts() {
		return this.declaredConflicts;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	int version() {
		return this.version;
	}

}
