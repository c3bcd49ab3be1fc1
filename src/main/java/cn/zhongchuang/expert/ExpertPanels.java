package cn.zhongchuang.expert;

import java.io.InputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.attachment.Attachments;
import cn.zhongchuang.attachment.Policy;
import cn.zhongchuang.attachment.StoredFile;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.policy.PackDefinition.ScoringItem;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review panels drawn from the expert pool: the API other modules call.
 * <p>
 * <b>Who draws from where.</b> A CITY_BUREAU or PROVINCE user draws for a subject within
 * their region, from the active experts registered in their region or below it, and in
 * the regions above it (a province's pool serves its cities; a city's pool does not serve
 * another city). If fields are given, an expert must share at least one of them.
 * <p>
 * <b>Conflicts.</b> Every expert of that pool with a conflict of interest
 * ({@link ConflictCheck}) is excluded before the draw; who and why is stored with the
 * panel, shown to the bureau and written to the audit trail. A conflicted expert can
 * therefore never be assigned.
 * <p>
 * <b>Randomness.</b> The eligible experts, in id order, are shuffled with {@link Random}
 * seeded by the given seed, or by one from {@link SecureRandom} when none is given. The
 * seed is stored: the same pool and seed draw the same panel. The first {@code members}
 * serve, the next {@code alternates} wait in order and replace a member who declines.
 * <p>
 * <b>Sealed scoring.</b> Until every serving member has submitted, the bureau sees only
 * who has; then the panel is revealed ({@link ScoresRevealed}) with the aggregate
 * ({@link Results}) and nothing on it changes any more.
 */
@Service
public class ExpertPanels {

	public static final int MAX_MEMBERS = 15;

	public static final int MAX_ALTERNATES = 10;

	/**
	 * The owner type of inspection photos in the attachment module; owner id: the panel
	 * member.
	 */
	static final String INSPECTION = "inspection";

	private final Panels panels;

	private final Experts experts;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Attachments attachments;

	private final Clock clock;

	private final SecureRandom secureRandom = new SecureRandom();

	ExpertPanels(Panels panels, Experts experts, Regions regions, AuditTrail audit, ApplicationEventPublisher events,
			Attachments attachments, Clock clock) {
		this.attachments = attachments;
		this.panels = panels;
		this.experts = experts;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Draws a panel for the subject.
	 * @param sheet the scoring sheet, normally {@code PackDefinition.scoring()} of the
	 * pack
	 * @param fields the fields an expert should cover (any of them); empty for any
	 * @param seed the random seed, or {@code null} for a fresh one from SecureRandom
	 * @param bureau a CITY_BUREAU or PROVINCE user whose region contains the subject
	 * @throws FieldErrorException when the input is wrong or too few experts are eligible
	 * (field {@code members})
	 */
	@Transactional
	public Drawn draw(Subject subject, List<ScoringItem> sheet, int members, int alternates, Set<String> fields,
			Long seed, CurrentUser bureau) {
		if (!ExpertPool.isBureau(bureau)) {
			throw new NotFoundException("expert pool of " + bureau.username());
		}
		Map<String, String> errors = validate(subject, sheet, members, alternates, bureau);
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Set<String> wanted = (fields == null) ? Set.of()
				: fields.stream()
					.filter((f) -> f != null && !f.isBlank())
					.map(String::strip)
					.collect(Collectors.toCollection(LinkedHashSet::new));
		List<Panel.Exclusion> exclusions = new ArrayList<>();
		List<Long> eligible = new ArrayList<>();
		Map<Long, String> names = new LinkedHashMap<>();
		for (Expert e : this.experts.activeIn(poolRegions(bureau.regionCode()))) {
			if (!wanted.isEmpty() && e.fields().stream().noneMatch(wanted::contains)) {
				continue;
			}
			List<String> reasons = ConflictCheck.reasons(e, subject);
			names.put(e.id(), e.name());
			if (reasons.isEmpty()) {
				eligible.add(e.id());
			}
			else {
				exclusions.add(new Panel.Exclusion(e.id(), String.join("；", reasons)));
			}
		}
		if (eligible.size() < members) {
			throw new FieldErrorException("members",
					"符合条件且无利益冲突的专家只有 " + eligible.size() + " 名，不足 " + members + " 名；请减少人数、放宽专业领域或充实专家库");
		}
		long usedSeed = (seed != null) ? seed : this.secureRandom.nextLong();
		Collections.shuffle(eligible, new Random(usedSeed));
		Panel saved = this.panels.save(Panel.drawn(subject, sheet, wanted, usedSeed, eligible, members, alternates,
				exclusions, bureau.username(), this.clock.instant()));
		List<Long> serving = saved.members()
			.stream()
			.filter((m) -> m.status().serving())
			.map(PanelMember::expertId)
			.toList();
		List<Long> waiting = saved.members()
			.stream()
			.filter((m) -> !m.status().serving())
			.map(PanelMember::expertId)
			.toList();
		String excluded = exclusions.isEmpty() ? "无"
				: exclusions.stream()
					.map((x) -> names.get(x.expertId()) + "：" + x.reason())
					.collect(Collectors.joining("；"));
		this.audit
			.record(AuditEntry.success("EXPERT_PANEL_DRAW", "expert_panel", saved.id(),
					"为「" + subject.title() + "」（" + subject.type() + " " + subject.id() + "）抽取评审专家 " + serving.size()
							+ " 名、候补 " + waiting.size() + " 名，随机种子 " + usedSeed + "；回避：" + excluded,
					subject.regionCode()));
		this.events.publishEvent(
				new PanelDrawn(saved.id(), subject.type(), subject.id(), subject.regionCode(), serving, waiting));
		return new Drawn(saved.id(), serving, waiting,
				exclusions.stream()
					.map((x) -> new Excluded(x.expertId(), names.get(x.expertId()), x.reason()))
					.toList(),
				usedSeed);
	}

	/**
	 * A serving member who has not scored steps down (the expert themselves, or the
	 * bureau on their behalf); the first alternate takes the place.
	 */
	@Transactional
	public void decline(long panelId, long memberId, String reason, CurrentUser user) {
		Panel panel = lockVisible(panelId, user);
		PanelMember member = panel.member(memberId);
		if (!ExpertPool.isBureau(user) && !isExpert(user, member.expertId())) {
			throw new NotFoundException("panel member " + memberId);
		}
		String why = (reason == null || reason.isBlank()) ? "本人申请回避" : reason.strip();
		if (why.length() > 200) {
			throw new FieldErrorException("reason", "回避原因不能超过 200 个字");
		}
		PanelMember next = panel.decline(memberId, why);
		this.panels.save(panel);
		this.audit.record(AuditEntry.success("EXPERT_PANEL_REPLACE", "expert_panel", panelId,
				"专家 " + name(member.expertId()) + " 回避（" + why + "），由候补专家 " + name(next.expertId()) + " 递补",
				panel.subject().regionCode()));
		this.events.publishEvent(new MemberReplaced(panelId, member.expertId(), next.expertId()));
	}

	/** The aggregate once revealed; empty while sealed. 404 outside the user's region. */
	@Transactional(readOnly = true)
	public Optional<Results> results(long panelId, CurrentUser user) {
		return visible(panelId, user).results(this::name);
	}

	/**
	 * The aggregate of a revealed panel without a scope check, for the module that drew
	 * it (a listener of {@link ScoresRevealed}, or its own action after its own scope
	 * check); empty while sealed. 404 when there is no such panel.
	 */
	@Transactional(readOnly = true)
	public Optional<Results> revealedResults(long panelId) {
		return this.panels.findById(panelId)
			.orElseThrow(() -> new NotFoundException("expert panel " + panelId))
			.results(this::name);
	}

	/** The panels drawn for a subject, newest first, that the user may see. */
	@Transactional(readOnly = true)
	public List<Long> panelsFor(String subjectType, String subjectId, CurrentUser user) {
		return this.panels.inRegions(this.regions.codesWithin(user.regionCode()))
			.stream()
			.filter((p) -> p.subject().type().equals(subjectType) && p.subject().id().equals(subjectId))
			.map(Panel::id)
			.toList();
	}

	/** The panels the expert serves on. */
	@Transactional(readOnly = true)
	List<Panel> assigned(CurrentUser expert) {
		long expertId = expertIdOf(expert);
		return (expertId < 0) ? List.of() : this.panels.servedBy(expertId);
	}

	@Transactional(readOnly = true)
	List<Panel> list(CurrentUser user) {
		if (!ExpertPool.isBureau(user)) {
			return List.of();
		}
		return this.panels.inRegions(this.regions.codesWithin(user.regionCode()));
	}

	/** A panel the bureau user may see: its subject lies within their region. */
	@Transactional(readOnly = true)
	Panel visible(long panelId, CurrentUser user) {
		return this.panels.findById(panelId)
			.filter((p) -> ExpertPool.isBureau(user)
					&& this.regions.contains(user.regionCode(), p.subject().regionCode())
					|| p.memberFor(expertIdOf(user)).filter((m) -> m.status().serving()).isPresent())
			.orElseThrow(() -> new NotFoundException("expert panel " + panelId));
	}

	/** Locks the panel for a change, after the same visibility check. */
	Panel lockVisible(long panelId, CurrentUser user) {
		visible(panelId, user);
		return this.panels.lock(panelId).orElseThrow(() -> new NotFoundException("expert panel " + panelId));
	}

	/**
	 * Stores one member's scores, opinion and inspection record, checked against the
	 * panel's sheet (each item 0..max, errors on field {@code score_<code>}); reveals the
	 * panel when it was the last. 409 once revealed or on a stale version.
	 */
	@Transactional
	Panel submit(long panelId, int memberVersion, ScoreInput input, CurrentUser expert) {
		Panel panel = lockVisible(panelId, expert);
		PanelMember member = panel.memberFor(expertIdOf(expert))
			.orElseThrow(() -> new NotFoundException("expert panel " + panelId));
		if (member.version() != memberVersion) {
			throw new OptimisticLockingFailureException("stale panel member " + member.id());
		}
		return record(panel, member, input, "");
	}

	/**
	 * A serving expert's score sheet signed on paper (on site, without a computer), typed
	 * in by the bureau that drew the panel: the same checks and sealing as the expert's
	 * own form, and the audit trail says who typed it.
	 */
	@Transactional
	public void recordPaperScores(long panelId, long expertId, Map<String, String> scores, String opinion,
			CurrentUser bureau) {
		if (!ExpertPool.isBureau(bureau)) {
			throw new NotFoundException("expert panel " + panelId);
		}
		Panel panel = lockVisible(panelId, bureau);
		PanelMember member = panel.memberFor(expertId)
			.orElseThrow(() -> new NotFoundException("expert " + expertId + " on panel " + panelId));
		record(panel, member, new ScoreInput(scores, opinion, null, null, null),
				"（纸质评分表，由 " + bureau.displayName() + " 代录）");
	}

	private Panel record(Panel panel, PanelMember member, ScoreInput input, String how) {
		long panelId = panel.id();
		if (panel.status() == Panel.Status.REVEALED) {
			throw new ConflictException("评分已揭晓，不能再修改");
		}
		Map<String, Integer> scores = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (ScoringItem item : panel.sheet()) {
			String raw = (input.scores() != null) ? input.scores().get(item.code()) : null;
			String field = "score_" + item.code();
			if (raw == null || raw.isBlank()) {
				errors.put(field, "请为“" + item.name() + "”打分");
				continue;
			}
			try {
				int v = Integer.parseInt(raw.strip());
				if (v < 0 || v > item.maxPoints()) {
					errors.put(field, "“" + item.name() + "”的得分应在 0–" + item.maxPoints() + " 分之间");
				}
				scores.put(item.code(), v);
			}
			catch (NumberFormatException ex) {
				errors.put(field, "“" + item.name() + "”的得分应为整数");
			}
		}
		String opinion = strip(input.opinion());
		if (opinion == null) {
			errors.put("opinion", "请填写评审意见");
		}
		else if (opinion.length() > 2000) {
			errors.put("opinion", "评审意见不能超过 2000 个字");
		}
		PanelMember.Inspection inspection = inspection(input, errors);
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		boolean resubmission = member.status() == PanelMember.Status.SUBMITTED;
		panel.submit(member.id(), scores, opinion, inspection, this.clock.instant());
		this.audit.record(AuditEntry.success("EXPERT_SCORE_SUBMIT", "expert_panel", panelId,
				"专家 " + name(member.expertId()) + (resubmission ? " 修改" : " 提交") + "评分（密封）" + how,
				panel.subject().regionCode()));
		this.events.publishEvent(new ScoreSubmitted(panelId, member.expertId()));
		if (panel.complete()) {
			panel.reveal(this.clock.instant());
			this.audit.record(AuditEntry.success("EXPERT_SCORES_REVEAL", "expert_panel", panelId, "全部专家已提交评分，评分揭晓",
					panel.subject().regionCode()));
			Results results = panel.results(this::name).orElseThrow();
			this.events.publishEvent(new ScoresRevealed(panelId, panel.subject().type(), panel.subject().id(),
					results.meanTotal(), results.sheetMax(),
					results.members()
						.stream()
						.filter(Results.MemberTotal::outlier)
						.map(Results.MemberTotal::expertId)
						.toList()));
		}
		return this.panels.save(panel);
	}

	private PanelMember.Inspection inspection(ScoreInput input, Map<String, String> errors) {
		String on = strip(input.inspectedOn());
		String place = strip(input.inspectionPlace());
		String findings = strip(input.inspectionFindings());
		if (on == null && place == null && findings == null) {
			return null;
		}
		LocalDate date = null;
		if (on == null) {
			errors.put("inspectedOn", "请填写考察日期");
		}
		else {
			try {
				date = LocalDate.parse(on);
				if (date.isAfter(ChinaTime.today(this.clock))) {
					errors.put("inspectedOn", "考察日期不能晚于今天");
				}
			}
			catch (DateTimeParseException ex) {
				errors.put("inspectedOn", "日期格式应为 2026-11-22");
			}
		}
		if (place == null) {
			errors.put("inspectionPlace", "请填写考察地点");
		}
		else if (place.length() > 200) {
			errors.put("inspectionPlace", "考察地点不能超过 200 个字");
		}
		if (findings == null) {
			errors.put("inspectionFindings", "请填写考察情况");
		}
		else if (findings.length() > 4000) {
			errors.put("inspectionFindings", "考察情况不能超过 4000 个字");
		}
		return new PanelMember.Inspection(date, place, findings);
	}

	/** Stores a photo of the on-site inspection of the expert's own panel membership. */
	@Transactional
	AttachmentRef uploadPhoto(long panelId, String filename, InputStream content, long size, CurrentUser expert) {
		PanelMember member = ownMembership(panelId, expert);
		return this.attachments.store(INSPECTION, String.valueOf(member.id()), "photo", filename, content, size,
				Policy.photos(), expert);
	}

	/** The inspection photos of one member, for the member and the bureau. */
	@Transactional(readOnly = true)
	List<AttachmentRef> photos(long panelId, long memberId, CurrentUser user) {
		Panel panel = visible(panelId, user);
		PanelMember member = panel.member(memberId);
		if (!ExpertPool.isBureau(user) && !isExpert(user, member.expertId())) {
			throw new NotFoundException("panel member " + memberId);
		}
		return this.attachments.list(INSPECTION, String.valueOf(memberId));
	}

	@Transactional(readOnly = true)
	StoredFile openPhoto(long panelId, long memberId, long attachmentId, CurrentUser user) {
		photos(panelId, memberId, user);
		return this.attachments.open(INSPECTION, String.valueOf(memberId), attachmentId);
	}

	PanelMember ownMembership(long panelId, CurrentUser expert) {
		Panel panel = visible(panelId, expert);
		return panel.memberFor(expertIdOf(expert))
			.filter((m) -> m.status().serving())
			.orElseThrow(() -> new NotFoundException("expert panel " + panelId));
	}

	private static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	long expertIdOf(CurrentUser user) {
		if (!user.hasRole(cn.zhongchuang.platform.Role.EXPERT)) {
			return -1;
		}
		return this.experts.idByUser(user.id()).orElse(-1L);
	}

	private boolean isExpert(CurrentUser user, long expertId) {
		return expertIdOf(user) == expertId;
	}

	String name(long expertId) {
		return this.experts.findById(expertId).map(Expert::name).orElse("#" + expertId);
	}

	/** The bureau's region, everything below it, and the regions above it. */
	List<String> poolRegions(String bureauRegion) {
		List<String> codes = new ArrayList<>(this.regions.codesWithin(bureauRegion));
		for (Region r : this.regions.path(bureauRegion)) {
			if (!codes.contains(r.code())) {
				codes.add(r.code());
			}
		}
		return codes;
	}

	private Map<String, String> validate(Subject s, List<ScoringItem> sheet, int members, int alternates,
			CurrentUser bureau) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (s.type() == null || !s.type().matches("[a-z][a-z0-9_-]{0,39}")) {
			errors.put("subjectType", "评审对象类型应为小写字母、数字或连字符");
		}
		if (s.id() == null || s.id().isBlank() || s.id().length() > 64) {
			errors.put("subjectId", "请填写评审对象编号（不超过 64 个字符）");
		}
		if (s.title() == null || s.title().isBlank() || s.title().length() > 200) {
			errors.put("title", "请填写评审事项名称（不超过 200 个字）");
		}
		if (s.operatorName() == null || s.operatorName().isBlank() || s.operatorName().length() > 100) {
			errors.put("operatorName", "请填写运营机构名称（不超过 100 个字）");
		}
		if (s.regionCode() == null || this.regions.find(s.regionCode()).isEmpty()) {
			errors.put("regionCode", "请选择有效的行政区划");
		}
		else if (!this.regions.contains(bureau.regionCode(), s.regionCode())) {
			errors.put("regionCode", "该区划不在您账户的所属区划范围内");
		}
		if (sheet == null || sheet.isEmpty()) {
			errors.put("sheet", "评分表没有评分项");
		}
		if (members < 1 || members > MAX_MEMBERS) {
			errors.put("members", "评审专家人数应为 1–" + MAX_MEMBERS + " 名");
		}
		if (alternates < 0 || alternates > MAX_ALTERNATES) {
			errors.put("alternates", "候补专家人数应为 0–" + MAX_ALTERNATES + " 名");
		}
		return errors;
	}

	/** The outcome of a draw. */
	public record Drawn(long panelId, List<Long> members, List<Long> alternates, List<Excluded> excluded, long seed) {
	}

	/** An expert of the pool left out for a conflict of interest, and why. */
	public record Excluded(long expertId, String name, String reason) {
	}

	/** A panel was drawn: the serving members and the alternates, by expert id. */
	public record PanelDrawn(long panelId, String subjectType, String subjectId, String regionCode, List<Long> members,
			List<Long> alternates) {
	}

	/** A member declined and an alternate took the place. */
	public record MemberReplaced(long panelId, long declinedExpertId, long replacementExpertId) {
	}

	/**
	 * A member handed in (or, while sealed, revised) their scores; the scores stay
	 * sealed.
	 */
	public record ScoreSubmitted(long panelId, long expertId) {
	}

	/** Every member has scored: the seal is open. */
	public record ScoresRevealed(long panelId, String subjectType, String subjectId, BigDecimal meanTotal, int sheetMax,
			List<Long> outliers) {
	}

}
