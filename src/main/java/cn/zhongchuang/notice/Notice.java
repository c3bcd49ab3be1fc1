package cn.zhongchuang.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;

/**
 * A notice and its items. DRAFT → PUBLISHED (period fixed on the official calendar) →
 * CLOSED, or PUBLISHED → WITHDRAWN (撤回, with a reason); each step only through the
 * guarded methods below.
 */
class Notice {

	enum Status {

		DRAFT, PUBLISHED, CLOSED, WITHDRAWN

	}

	private final Long id;

	private final String policyId;

	private final String regionCode;

	private final String title;

	private final String issuingAuthority;

	private Status status;

	private final int workingDays;

	private LocalDate startsOn;

	private LocalDate endsOn;

	private String calendarWarning;

	private final String createdBy;

	private final Instant createdAt;

	private Instant publishedAt;

	private Instant closedAt;

	private Instant withdrawnAt;

	private String withdrawnBy;

	private String withdrawalReason;

	private final int version;

	private final List<Item> items;

	Notice(Long id, String policyId, String regionCode, String title, String issuingAuthority, Status status,
			int workingDays, LocalDate startsOn, LocalDate endsOn, String calendarWarning, String createdBy,
			Instant createdAt, Instant publishedAt, Instant closedAt, int version, List<Item> items) {
		this.id = id;
		this.policyId = policyId;
		this.regionCode = regionCode;
		this.title = title;
		this.issuingAuthority = issuingAuthority;
		this.status = status;
		this.workingDays = workingDays;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.calendarWarning = calendarWarning;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.publishedAt = publishedAt;
		this.closedAt = closedAt;
		this.version = version;
		this.items = List.copyOf(items);
	}

	/** A stored notice that was withdrawn: when, by whom and why. */
	Notice withdrawal(Instant at, String by, String reason) {
		this.withdrawnAt = at;
		this.withdrawnBy = by;
		this.withdrawalReason = reason;
		return this;
	}

	static Notice draft(String policyId, String regionCode, String title, String issuingAuthority, int workingDays,
			List<NoticeItem> items, String by, Instant now) {
		List<Item> rows = items.stream().map((i) -> new Item(null, i)).toList();
		return new Notice(null, policyId, regionCode, title, issuingAuthority, Status.DRAFT, workingDays, null, null,
				null, by, now, null, null, 0, rows);
	}

	/** Fixes the period; refused unless the notice is a draft. */
	void publish(LocalDate startsOn, LocalDate endsOn, String calendarWarning, Instant now) {
		if (this.status != Status.DRAFT) {
			throw new ConflictException("只有草稿状态的公示可以发布");
		}
		this.status = Status.PUBLISHED;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.calendarWarning = calendarWarning;
		this.publishedAt = now;
	}

	/**
	 * Ends the notice; refused before the period is over and while an objection is open.
	 */
	void close(LocalDate today, long openObjections, Instant now) {
		if (this.status != Status.PUBLISHED) {
			throw new ConflictException("只有公示中的公示可以结束");
		}
		if (!today.isAfter(this.endsOn)) {
			throw new ConflictException("公示期至 " + ChinaTime.format(this.endsOn) + " 止，期满后才能结束公示");
		}
		if (openObjections > 0) {
			throw new ConflictException("还有 " + openObjections + " 件异议未答复，答复后才能结束公示");
		}
		this.status = Status.CLOSED;
		this.closedAt = now;
	}

	/**
	 * Withdraws the notice (撤回) with the bureau's reason; only while it is published. Its
	 * items are off the notice and may be listed on a new one.
	 */
	void withdraw(String reason, String by, Instant now) {
		if (this.status != Status.PUBLISHED) {
			throw new ConflictException("只有公示中的公示可以撤回");
		}
		this.status = Status.WITHDRAWN;
		this.withdrawnAt = now;
		this.withdrawnBy = by;
		this.withdrawalReason = reason;
	}

	/** Whether the public may lodge an objection today. */
	boolean openOn(LocalDate day) {
		return this.status == Status.PUBLISHED && !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

	Item item(long itemId) {
		return this.items.stream()
			.filter((i) -> i.id() != null && i.id() == itemId)
			.findFirst()
			.orElseThrow(() -> new cn.zhongchuang.platform.FieldErrorException("itemId", "请选择公示名单中的机构"));
	}

	Long id() {
		return this.id;
	}

	String policyId() {
		return this.policyId;
	}

	String regionCode() {
		return this.regionCode;
	}

	String title() {
		return this.title;
	}

	String issuingAuthority() {
		return this.issuingAuthority;
	}

	Status status() {
		return this.status;
	}

	int workingDays() {
		return this.workingDays;
	}

	LocalDate startsOn() {
		return this.startsOn;
	}

	LocalDate endsOn() {
		return this.endsOn;
	}

	String calendarWarning() {
		return this.calendarWarning;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant publishedAt() {
		return this.publishedAt;
	}

	Instant closedAt() {
		return this.closedAt;
	}

	Instant withdrawnAt() {
		return this.withdrawnAt;
	}

	String withdrawnBy() {
		return this.withdrawnBy;
	}

	String withdrawalReason() {
		return this.withdrawalReason;
	}

	int version() {
		return this.version;
	}

	List<Item> items() {
		return this.items;
	}

	/** An item with its row id once stored. */
	record Item(Long id, NoticeItem item) {
	}

}
