package cn.zhongchuang.recognition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 推荐: the authority of an institution's ACTIVE title recommends it to the next level
 * ({@link TitleLevels}), the higher level accepts (a new title granted here: source
 * SYSTEM, the receiving authority, the usual counter) or refuses with reasons, the
 * recommender may withdraw before a decision.
 * <p>
 * Who may do what: recommend, a user acting at the title's level whose region holds the
 * institution; accept or refuse, a user acting at the receiving level whose region holds
 * the receiving region; withdraw, the recommending side. A government user sees the
 * recommendations of institutions in its region and those sent to its region; anyone else
 * finds nothing (404). Every change is audited in its transaction and told both ways
 * (recommender ↔ receiving authority) and to the operator.
 */
@Service
public class Recommendations {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final RecommendationRecords records;

	private final RecognitionRecords titles;

	private final Recognitions recognitions;

	private final Institutions institutions;

	private final TitleLevels levels;

	private final Regions regions;

	private final Operators operators;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	Recommendations(RecommendationRecords records, RecognitionRecords titles, Recognitions recognitions,
			Institutions institutions, TitleLevels levels, Regions regions, Operators operators,
			Notifications notifications, AuditTrail audit, MessageSource messages, Clock clock) {
		this.records = records;
		this.titles = titles;
		this.recognitions = recognitions;
		this.institutions = institutions;
		this.levels = levels;
		this.regions = regions;
		this.operators = operators;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Recommends the institution holding title {@code titleId} to {@code toLevel}, which
	 * must be the next level.
	 * @throws NotFoundException the title is not in the user's region
	 * @throws AccessDeniedException the user does not act at the title's level
	 * @throws FieldErrorException {@code toLevel} not the next level, or the institution
	 * holds a title there or has an open recommendation to it; {@code titleId} no longer
	 * ACTIVE; {@code reasons} missing
	 */
	@Transactional
	public View submit(long titleId, String toLevel, String reasons, CurrentUser user) {
		Recognition title = this.recognitions.get(titleId, user);
		InstitutionSummary institution = this.institutions.find(title.request().institutionId())
			.orElseThrow(() -> new NotFoundException("institution of recognition " + titleId));
		String fromLevel = title.request().level();
		if (!this.levels.actsAt(user, fromLevel, institution.regionCode())) {
			throw new AccessDeniedException("只有该称号的认定层级（" + Recognitions.levelLabel(fromLevel) + "主管部门）可以推荐该载体");
		}
		if (title.status() != Recognition.Status.ACTIVE) {
			throw new FieldErrorException("titleId", "该称号已" + Recognition.label(title.status()) + "，不能据以推荐");
		}
		String next = this.levels.next(fromLevel, institution.regionCode())
			.orElseThrow(() -> new FieldErrorException("toLevel", "国家级称号之上没有更高的级别，无需推荐"));
		String to = ExternalTitles.trim(toLevel);
		if (to == null) {
			throw new FieldErrorException("toLevel", "请选择推荐至的级别（" + Recognitions.levelLabel(next) + "）");
		}
		if (!next.equals(to)) {
			throw new FieldErrorException("toLevel",
					"只能向上一级推荐：" + Recognitions.levelLabel(fromLevel) + "称号推荐至" + Recognitions.levelLabel(next)
							+ (TitleLevels.municipality(institution.regionCode()) && "CITY".equals(fromLevel)
									? "（直辖市的市级之上为国家级）" : "")
							+ "，不能推荐至" + labelOrValue(to));
		}
		String why = ExternalTitles.trim(reasons);
		if (why == null) {
			throw new FieldErrorException("reasons", "请填写推荐理由");
		}
		if (why.length() > 4000) {
			throw new FieldErrorException("reasons", "推荐理由不能超过 4000 个字");
		}
		this.titles.activeAt(institution.id(), next).ifPresent((held) -> {
			throw new FieldErrorException("toLevel",
					"该载体已持有有效的" + Recognitions.levelLabel(next) + "称号（" + held.reference() + "），无需推荐");
		});
		this.records.openFor(institution.id(), next).ifPresent((open) -> {
			throw new FieldErrorException("toLevel",
					"该载体已有待处理的" + Recognitions.levelLabel(next) + "推荐（" + open.number() + "），请等待决定或先撤回");
		});
		String toRegion = this.levels.receivingRegion(next, institution.regionCode());
		String toAuthority = this.levels.authorityOf(next, toRegion);
		String fromAuthority = title.request().issuingAuthority();
		LocalDate today = ChinaTime.today(this.clock);
		String prefix = Recognitions.abbreviation(fromAuthority) + "科推";
		String number = String.format("%s〔%d〕第%03d号", prefix, today.getYear(),
				this.titles.nextNumber(prefix, today.getYear()));
		Recommendation saved;
		try {
			saved = this.records.insert(Recommendation.submit(number,
					new Recommendation.Subject(institution.id(), institution.name(), institution.operatorName(),
							institution.operatorCreditCode(), institution.kind().name(), institution.specialization(),
							institution.regionCode()),
					new Recommendation.Route(title.id(), fromLevel, fromAuthority, next, toAuthority, toRegion), why,
					new Recommendation.Submission(today, user.username(), user.id(), this.clock.instant())));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// a colleague recommended it at the same moment (recommendation_open_uq)
			throw new FieldErrorException("toLevel", "该载体已有待处理的" + Recognitions.levelLabel(next) + "推荐，请等待决定或先撤回");
		}
		this.audit.record(AuditEntry.success("RECOMMENDATION_SUBMIT", "recommendation", saved.id(),
				"推荐“" + institution.name() + "”至" + Recognitions.levelLabel(next) + "（" + toAuthority + "），推荐函 "
						+ number + "，依据称号 " + title.reference(),
				institution.regionCode()));
		this.notifications.notify(Recipients.roleCovering(TitleLevels.roleAt(next), toRegion),
				"收到推荐：" + institution.name() + "（" + Recognitions.levelLabel(next) + "）",
				fromAuthority + "以推荐函 " + number + " 推荐“" + institution.name() + "”，请审核并作出决定。",
				"/recommendations/" + saved.id());
		tellOperator(institution, "您的载体已被推荐至" + Recognitions.levelLabel(next) + "：" + institution.name(),
				fromAuthority + "已将“" + institution.name() + "”推荐至" + toAuthority + "（推荐函 " + number + "）。");
		return view(saved);
	}

	/**
	 * The receiving authority accepts: a new title of the recommended level is granted in
	 * the same transaction, with {@code designation} as its name (the default when
	 * blank).
	 * @throws AccessDeniedException the user does not act at the receiving level and
	 * region
	 * @throws ConflictException already decided or withdrawn, or the title it rests on is
	 * no longer ACTIVE
	 */
	@Transactional
	public View accept(long id, Integer version, String designation, CurrentUser user) {
		Recommendation r = lockedForReceiver(id, version, user);
		String name = ExternalTitles.trim(designation);
		if (name == null) {
			name = defaultDesignation(r);
		}
		if (name.length() > 100) {
			throw new FieldErrorException("designation", "称号名称不能超过 100 个字");
		}
		Recognition from = this.titles.find(r.route().fromRecognitionId()).orElseThrow();
		if (from.status() != Recognition.Status.ACTIVE) {
			throw new ConflictException(
					"据以推荐的称号（" + from.reference() + "）已" + Recognition.label(from.status()) + "，不能接受该推荐，请不予接受并写明理由");
		}
		InstitutionSummary institution = this.institutions.find(r.subject().institutionId()).orElseThrow();
		LocalDate today = ChinaTime.today(this.clock);
		String level = r.route().toLevel();
		Recognitions.Recognized granted = this.recognitions.grantOnRecommendation(
				new RecognitionRequest("recommendation", r.id(), institution.name(), institution.operatorName(),
						institution.operatorCreditCode(), institution.kind().name(), institution.specialization(),
						level, institution.regionCode(), null, r.route().toAuthority(), today, institution.id()),
				name, r.id(), user.username());
		r.accept(new Recommendation.Decision(today, user.username(), this.clock.instant(), null, granted.id()));
		Recommendation saved = this.records.update(r);
		this.audit.record(AuditEntry.success("RECOMMENDATION_ACCEPT", "recommendation", saved.id(),
				"接受推荐 " + saved.number() + "：授予“" + institution.name() + "”" + name + "，编号 " + granted.number(),
				institution.regionCode()));
		this.notifications.notify(Recipients.user(saved.submission().byId()), "推荐已接受：" + institution.name(),
				r.route().toAuthority() + "接受了推荐函 " + saved.number() + "，授予“" + institution.name() + "”" + name + "（编号 "
						+ granted.number() + "）。",
				"/recommendations/" + saved.id());
		tellOperator(institution, "获得新称号：" + name, r.route().toAuthority() + "依" + r.route().fromAuthority() + "的推荐，授予“"
				+ institution.name() + "”" + name + "，编号 " + granted.number() + "。");
		return view(saved);
	}

	/**
	 * The receiving authority refuses, with reasons.
	 * @throws FieldErrorException {@code reasons} missing
	 */
	@Transactional
	public View refuse(long id, Integer version, String reasons, CurrentUser user) {
		Recommendation r = lockedForReceiver(id, version, user);
		String why = ExternalTitles.trim(reasons);
		if (why == null) {
			throw new FieldErrorException("reasons", "不予接受须写明理由");
		}
		if (why.length() > 2000) {
			throw new FieldErrorException("reasons", "理由不能超过 2000 个字");
		}
		r.refuse(new Recommendation.Decision(ChinaTime.today(this.clock), user.username(), this.clock.instant(), why,
				null));
		Recommendation saved = this.records.update(r);
		this.audit.record(AuditEntry.success("RECOMMENDATION_REFUSE", "recommendation", saved.id(),
				"不予接受推荐 " + saved.number() + "（" + saved.subject().institutionName() + "）：" + why,
				saved.subject().regionCode()));
		this.notifications.notify(Recipients.user(saved.submission().byId()),
				"推荐未被接受：" + saved.subject().institutionName(),
				r.route().toAuthority() + "不予接受推荐函 " + saved.number() + "。理由：" + why, "/recommendations/" + saved.id());
		this.institutions.find(saved.subject().institutionId())
			.ifPresent((i) -> tellOperator(i, "推荐未被接受：" + i.name(),
					r.route().toAuthority() + "未接受对“" + i.name() + "”的推荐。理由：" + why));
		return view(saved);
	}

	/**
	 * The recommending side takes the letter back before a decision.
	 * @throws AccessDeniedException the user is not of the recommending level and region
	 */
	@Transactional
	public View withdraw(long id, Integer version, String reason, CurrentUser user) {
		Recommendation r = locked(id, version, user,
				(x) -> this.levels.actsAt(user, x.route().fromLevel(), x.subject().regionCode()), "只有推荐单位可以撤回推荐");
		String why = ExternalTitles.trim(reason);
		if (why != null && why.length() > 2000) {
			throw new FieldErrorException("reasons", "说明不能超过 2000 个字");
		}
		r.withdraw(new Recommendation.Decision(ChinaTime.today(this.clock), user.username(), this.clock.instant(), why,
				null));
		Recommendation saved = this.records.update(r);
		this.audit.record(AuditEntry.success(
				"RECOMMENDATION_WITHDRAW", "recommendation", saved.id(), "撤回推荐 " + saved.number() + "（"
						+ saved.subject().institutionName() + "）" + ((why != null) ? "：" + why : ""),
				saved.subject().regionCode()));
		this.notifications.notify(
				Recipients.roleCovering(TitleLevels.roleAt(r.route().toLevel()), r.route().toRegion()),
				"推荐已撤回：" + saved.subject().institutionName(),
				r.route().fromAuthority() + "撤回了推荐函 " + saved.number() + "。", "/recommendations/" + saved.id());
		return view(saved);
	}

	/** One recommendation the user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public View get(long id, CurrentUser user) {
		return view(stored(id, user));
	}

	/**
	 * The user's list: {@code incoming} those sent to its level and region, otherwise
	 * those its level sent for institutions of its region; optionally of one status.
	 * @throws FieldErrorException {@code status} not one of the statuses
	 */
	@Transactional(readOnly = true)
	public PageResult<View> list(boolean incoming, String status, Integer page, Integer size, CurrentUser user) {
		String s = status(status);
		String level = this.levels.levelOf(user).orElse(null);
		if (level == null || user == null || !user.role().isGovernment()) {
			return new PageResult<>(List.of(), 0, 1, PageResult.clampSize(size));
		}
		return this.records.search(incoming, level, this.regions.codesWithin(user.regionCode()), s, page, size)
			.map(this::view);
	}

	/**
	 * The user's list as {@link #list} gives it, sortable (page, export).
	 * @throws FieldErrorException {@code status} not one of the statuses
	 */
	ListQuery<View> listQuery(boolean incoming, String status, CurrentUser user) {
		String s = status(status);
		String level = this.levels.levelOf(user).orElse(null);
		boolean allowed = level != null && user != null && user.role().isGovernment();
		return this.records
			.list(incoming, allowed ? level : null, allowed ? this.regions.codesWithin(user.regionCode()) : List.of(),
					s)
			.map(this::view);
	}

	/** How many wait for the user's decision: its 待办. */
	@Transactional(readOnly = true)
	public int pendingFor(CurrentUser user) {
		return this.levels.levelOf(user)
			.filter((l) -> user.role().isGovernment())
			.map((l) -> this.records.waiting(l, this.regions.codesWithin(user.regionCode())))
			.orElse(0);
	}

	/** The recommendations of one institution, newest first, without a scope check. */
	@Transactional(readOnly = true)
	public List<View> ofInstitution(long institutionId) {
		return this.records.ofInstitution(institutionId).stream().map(this::view).toList();
	}

	/** Whether the user decides on it (receiving level and region, still open). */
	boolean mayDecide(View r, CurrentUser user) {
		return r.open() && this.levels.actsAt(user, r.toLevel(), r.toRegion());
	}

	/** Whether the user may withdraw it (recommending side, still open). */
	boolean mayWithdraw(View r, CurrentUser user) {
		return r.open() && this.levels.actsAt(user, r.fromLevel(), r.region());
	}

	/**
	 * The levels above the title's the form offers (the next one first), and whether the
	 * user may recommend from it.
	 */
	Recommendable recommendable(long titleId, CurrentUser user) {
		Recognition title = this.recognitions.get(titleId, user);
		InstitutionSummary institution = this.institutions.find(title.request().institutionId()).orElseThrow();
		String level = title.request().level();
		boolean may = title.status() == Recognition.Status.ACTIVE
				&& this.levels.actsAt(user, level, institution.regionCode());
		String next = this.levels.next(level, institution.regionCode()).orElse(null);
		List<String> above = List.of("CITY", "PROVINCE", "NATIONAL")
			.stream()
			.filter((l) -> TitleLevels.rank(l) > TitleLevels.rank(level))
			.toList();
		String toRegion = (next != null) ? this.levels.receivingRegion(next, institution.regionCode()) : null;
		return new Recommendable(RecognitionView.of(title, this.recognitions), institution, may, next, above,
				(next != null) ? this.levels.authorityOf(next, toRegion) : null);
	}

	/**
	 * The letter number of a recommendation, for the certificate of the title it led to.
	 */
	String letterNumber(long id) {
		return this.records.find(id).map(Recommendation::number).orElse("");
	}

	/** The title a recommendation rests on and the one it led to, for its page. */
	Recognition title(long recognitionId) {
		return this.titles.find(recognitionId).orElseThrow();
	}

	Recommendation stored(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((r) -> visible(r, user))
			.orElseThrow(() -> new NotFoundException("recommendation " + id));
	}

	/** 称号 the accepted title gets unless the receiving authority names another. */
	String defaultDesignation(Recommendation r) {
		String kind = this.messages.getMessage("rec.kind." + r.subject().kind(), null, "", ZH);
		String spec = "SPECIALIZED".equals(r.subject().specialization()) ? "专业化" : "";
		return switch (r.route().toLevel()) {
			case "NATIONAL" -> "国家级" + spec + kind + ("MAKER_SPACE".equals(r.subject().kind()) ? "备案" : "");
			default -> this.regions.nameOf(r.route().toRegion()) + spec + kind;
		};
	}

	private Recommendation lockedForReceiver(long id, Integer version, CurrentUser user) {
		Recommendation r = locked(id, version, user,
				(x) -> this.levels.actsAt(user, x.route().toLevel(), x.route().toRegion()), "该推荐由接收单位作出决定");
		if (!r.open()) {
			throw new ConflictException("该推荐已" + Recommendation.label(r.status()) + "，不能再处理");
		}
		return r;
	}

	/**
	 * The recommendation with its row locked: 404 outside the user's scope, 403 unless
	 * the user is of the side that acts, 409 on a stale version.
	 */
	private Recommendation locked(long id, Integer version, CurrentUser user,
			java.util.function.Predicate<Recommendation> side, String refusal) {
		Recommendation r = this.records.lock(id)
			.filter((x) -> visible(x, user))
			.orElseThrow(() -> new NotFoundException("recommendation " + id));
		if (!side.test(r)) {
			throw new AccessDeniedException(
					refusal + "（" + r.route().fromAuthority() + " → " + r.route().toAuthority() + "）");
		}
		requireVersion(r, version);
		return r;
	}

	private static void requireVersion(Recommendation r, Integer version) {
		if (version != null && version != r.version()) {
			throw new OptimisticLockingFailureException("stale recommendation " + r.id());
		}
	}

	private boolean visible(Recommendation r, CurrentUser user) {
		return user != null && user.role().isGovernment()
				&& (this.regions.contains(user.regionCode(), r.subject().regionCode())
						|| this.regions.contains(user.regionCode(), r.route().toRegion()));
	}

	private void tellOperator(InstitutionSummary institution, String title, String body) {
		if (institution.operatorId() == null) {
			return;
		}
		Set<Long> members = new LinkedHashSet<>(this.operators.memberIds(institution.operatorId()));
		if (!members.isEmpty()) {
			this.notifications.notify(Recipients.users(members), title, body, "/institutions/" + institution.id());
		}
	}

	private static String status(String status) {
		String s = ExternalTitles.trim(status);
		if (s == null) {
			return null;
		}
		try {
			return Recommendation.Status.valueOf(s.toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException("status", "状态只能是 SUBMITTED、ACCEPTED、REFUSED 或 WITHDRAWN");
		}
	}

	private static String labelOrValue(String level) {
		String label = Recognitions.levelLabel(level);
		return label.isEmpty() ? "“" + level + "”" : label;
	}

	View view(Recommendation r) {
		Recognition from = this.titles.find(r.route().fromRecognitionId()).orElse(null);
		Recommendation.Decision d = r.decision();
		Recognition result = (d != null && d.resultRecognitionId() != null)
				? this.titles.find(d.resultRecognitionId()).orElse(null) : null;
		return new View(r.id(), r.number(), r.status().name(), r.subject().institutionId(),
				r.subject().institutionName(), r.subject().operatorName(), r.subject().creditCode(), r.subject().kind(),
				r.subject().regionCode(), r.route().fromRecognitionId(), (from != null) ? from.reference() : null,
				r.route().fromLevel(), r.route().fromAuthority(), r.route().toLevel(), r.route().toAuthority(),
				r.route().toRegion(), r.reasons(), r.submission().on(), r.submission().by(),
				(d != null) ? d.on() : null, (d != null) ? d.by() : null, (d != null) ? d.reasons() : null,
				(result != null) ? result.id() : null, (result != null) ? result.number() : null,
				(result != null) ? result.designation() : null, r.version());
	}

	/**
	 * A recommendation as pages and the API show it.
	 *
	 * @param fromTitleNumber the number of the title it rests on
	 * @param toRegion the region of the receiving authority
	 * @param decisionReasons the refusal's reasons (or the withdrawal's note)
	 * @param resultTitleId the title granted on acceptance
	 */
	public record View(long id, String number, String status, long institutionId, String institutionName,
			String operatorName, String creditCode, String kind, String region, long fromTitleId,
			String fromTitleNumber, String fromLevel, String fromAuthority, String toLevel, String toAuthority,
			String toRegion, String reasons, LocalDate submittedOn, String submittedBy, LocalDate decidedOn,
			String decidedBy, String decisionReasons, Long resultTitleId, String resultTitleNumber,
			String resultDesignation, int version) {

		public boolean open() {
			return "SUBMITTED".equals(this.status);
		}

	}

	/** What the recommendation form needs to know of a title. */
	record Recommendable(RecognitionView title, InstitutionSummary institution, boolean allowed, String next,
			List<String> above, String nextAuthority) {
	}

}
