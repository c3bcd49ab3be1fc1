package cn.zhongchuang.expert;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import cn.zhongchuang.policy.PackDefinition.ScoringItem;

/**
 * A panel as the bureau page and the API show it. While sealed, members carry only
 * whether they have submitted; {@code results} is {@code null} until revealed.
 */
record PanelView(long id, Subject subject, String regionName, String status, boolean sealed, long seed,
		Set<String> fields, String drawnBy, Instant drawnAt, Instant revealedAt, List<ScoringItem> sheet, int sheetMax,
		List<MemberView> members, List<ExclusionView> exclusions, Results results) {

	static PanelView of(Panel p, String regionName, LongFunction<Expert> experts) {
		LongFunction<String> names = (id) -> experts.apply(id).name();
		return new PanelView(p.id(), p.subject(), regionName, p.status().name(), p.status() == Panel.Status.SEALED,
				p.seed(), p.fields(), p.drawnBy(), p.drawnAt(), p.revealedAt(), p.sheet(), p.sheetMax(),
				p.members().stream().map((m) -> {
					Expert e = experts.apply(m.expertId());
					return new MemberView(m.id(), m.expertId(), e.name(), e.employer(), e.fieldsText(), m.position(),
							m.status().name(), m.status() == PanelMember.Status.SUBMITTED, m.declineReason());
				}).toList(), p.exclusions().stream().map((x) -> {
					Expert e = experts.apply(x.expertId());
					return new ExclusionView(x.expertId(), e.name(), e.employer(), x.reason());
				}).toList(), p.results(names).orElse(null));
	}

	public long submittedCount() {
		return this.members.stream().filter(MemberView::submitted).count();
	}

	public long servingCount() {
		return this.members.stream().filter(MemberView::serving).count();
	}

	record MemberView(long id, long expertId, String name, String employer, String fields, int position, String status,
			boolean submitted, String declineReason) {

		public boolean serving() {
			return "ASSIGNED".equals(this.status) || "SUBMITTED".equals(this.status);
		}

	}

	record ExclusionView(long expertId, String name, String employer, String reason) {
	}

}
