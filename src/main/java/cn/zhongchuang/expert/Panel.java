package cn.zhongchuang.expert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;

/**
 * A review panel: the members and alternates drawn for one subject, who was excluded and
 * why, and the sealed scores. {@code SEALED} until every serving member has submitted,
 * then {@code REVEALED}; after that nothing changes.
 */
class Panel {

	enum Status {

		SEALED, REVEALED

	}

	private final Long id;

	private final Subject subject;

	private final List<ScoringItem> sheet;

	private final Set<String> fields;

	private final long seed;

	private Status status;

	private final String drawnBy;

	private final Instant drawnAt;

	private Instant revealedAt;

	private final int version;

	private final List<PanelMember> members;

	private final List<Exclusion> exclusions;

	Panel(Long id, Subject subject, List<ScoringItem> sheet, Set<String> fields, long seed, Status status,
			String drawnBy, Instant drawnAt, Instant revealedAt, int version, List<PanelMember> members,
			List<Exclusion> exclusions) {
		this.id = id;
		this.subject = subject;
		this.sheet = List.copyOf(sheet);
		this.fields = Set.copyOf(fields);
		this.seed = seed;
		this.status = status;
		this.drawnBy = drawnBy;
		this.drawnAt = drawnAt;
		this.revealedAt = revealedAt;
		this.version = version;
		this.members = new ArrayList<>(members);
		this.exclusions = List.copyOf(exclusions);
	}

	/**
	 * A new panel: the first {@code members} of the shuffled eligible experts serve, the
	 * next {@code alternates} wait in order.
	 */
	static Panel drawn(Subject subject, List<ScoringItem> sheet, Set<String> fields, long seed, List<Long> shuffled,
			int members, int alternates, List<Exclusion> exclusions, String by, Instant now) {
		List<PanelMember> list = new ArrayList<>();
		for (int i = 0; i < members + alternates && i < shuffled.size(); i++) {
			list.add(new PanelMember(null, shuffled.get(i), i + 1,
					(i < members) ? PanelMember.Status.ASSIGNED : PanelMember.Status.STANDBY, null, null, null, null,
					null, 0));
		}
		return new Panel(null, subject, sheet, fields, seed, Status.SEALED, by, now, null, 0, list, exclusions);
	}

	/**
	 * A serving member who has not scored steps down; the first waiting alternate takes
	 * their place.
	 * @return the alternate who now serves
	 */
	PanelMember decline(long memberId, String reason) {
		requireSealed();
		PanelMember m = member(memberId);
		if (m.status() != PanelMember.Status.ASSIGNED) {
			throw new ConflictException("只有尚未提交评分的在任专家可以回避或替换");
		}
		PanelMember next = this.members.stream()
			.filter((a) -> a.status() == PanelMember.Status.STANDBY)
			.min(Comparator.comparingInt(PanelMember::position))
			.orElseThrow(() -> new ConflictException("已无候补专家可以递补，请重新抽取"));
		m.decline(reason);
		next.promote();
		return next;
	}

	/**
	 * Scores (checked against the sheet by the caller) from a serving member, while
	 * sealed.
	 */
	void submit(long memberId, Map<String, Integer> scores, String opinion, PanelMember.Inspection inspection,
			Instant now) {
		if (this.status == Status.REVEALED) {
			throw new ConflictException("评分已揭晓，不能再修改");
		}
		PanelMember m = member(memberId);
		if (!m.status().serving()) {
			throw new ConflictException("您不是本评审组的在任专家");
		}
		for (ScoringItem item : this.sheet) {
			Integer v = scores.get(item.code());
			if (v == null || v < 0 || v > item.maxPoints()) {
				throw new ConflictException("评分项 " + item.code() + " 不在 0–" + item.maxPoints() + " 分之间");
			}
		}
		m.submit(scores, opinion, inspection, now);
	}

	boolean complete() {
		return this.members.stream().anyMatch((m) -> m.status().serving())
				&& this.members.stream().noneMatch((m) -> m.status() == PanelMember.Status.ASSIGNED);
	}

	/** Opens the seal once every serving member has submitted. */
	void reveal(Instant now) {
		requireSealed();
		if (!complete()) {
			throw new ConflictException("尚有专家未提交评分，评分仍处于密封状态");
		}
		this.status = Status.REVEALED;
		this.revealedAt = now;
	}

	/** The aggregate; empty while sealed. */
	Optional<Results> results(LongFunction<String> expertNames) {
		if (this.status != Status.REVEALED) {
			return Optional.empty();
		}
		List<PanelMember> scored = this.members.stream()
			.filter((m) -> m.status() == PanelMember.Status.SUBMITTED)
			.toList();
		int n = scored.size();
		List<Results.ItemMean> items = this.sheet.stream()
			.map((i) -> new Results.ItemMean(i.code(), i.name(), i.maxPoints(),
					mean(scored.stream().mapToInt((m) -> m.scores().getOrDefault(i.code(), 0)).sum(), n)))
			.toList();
		int[] totals = scored.stream().mapToInt(PanelMember::total).sorted().toArray();
		BigDecimal median = (n % 2 == 1) ? BigDecimal.valueOf(totals[n / 2])
				: BigDecimal.valueOf(totals[n / 2 - 1] + totals[n / 2])
					.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
		int sheetMax = sheetMax();
		BigDecimal limit = Results.OUTLIER_SHARE.multiply(BigDecimal.valueOf(sheetMax));
		List<Results.MemberTotal> memberTotals = scored.stream()
			.map((m) -> new Results.MemberTotal(m.expertId(), expertNames.apply(m.expertId()), m.total(),
					BigDecimal.valueOf(m.total()).subtract(median).abs().compareTo(limit) > 0, m.opinion()))
			.toList();
		return Optional.of(new Results(items, mean(scored.stream().mapToInt(PanelMember::total).sum(), n), totals[0],
				totals[n - 1], median, sheetMax, memberTotals));
	}

	int sheetMax() {
		return this.sheet.stream().mapToInt(ScoringItem::maxPoints).sum();
	}

	private static BigDecimal mean(int sum, int n) {
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
	}

	private void requireSealed() {
		if (this.status != Status.SEALED) {
			throw new ConflictException("评分已揭晓，评审组不能再变更");
		}
	}

	PanelMember member(long memberId) {
		return this.members.stream()
			.filter((m) -> m.id() != null && m.id() == memberId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("panel member " + memberId));
	}

	Optional<PanelMember> memberFor(long expertId) {
		return this.members.stream().filter((m) -> m.expertId() == expertId).findFirst();
	}

	Long id() {
		return this.id;
	}

	Subject subject() {
		return this.subject;
	}

	List<ScoringItem> sheet() {
		return this.sheet;
	}

	Set<String> fields() {
		return this.fields;
	}

	long seed() {
		return this.seed;
	}

	Status status() {
		return this.status;
	}

	String drawnBy() {
		return this.drawnBy;
	}

	Instant drawnAt() {
		return this.drawnAt;
	}

	Instant revealedAt() {
		return this.revealedAt;
	}

	int version() {
		return this.version;
	}

	List<PanelMember> members() {
		return List.copyOf(this.members);
	}

	List<Exclusion> exclusions() {
		return this.exclusions;
	}

	/** An expert of the pool left out of the draw, and why. */
	record Exclusion(long expertId, String reason) {
	}

}
