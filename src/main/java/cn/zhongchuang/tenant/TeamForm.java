package cn.zhongchuang.tenant;

import java.time.LocalDate;
import java.util.List;

/**
 * 入孵登记 of a 创业团队: no company yet, so no credit code and no enterprise criteria (不适用); the
 * stage is 苗圃 unless the institution offers another one.
 *
 * @param name team name
 * @param leader 负责人
 * @param members the other members' names (may be empty)
 * @param memberCount people in the team including the leader; null means the leader and
 * the members named
 * @param field 领域
 * @param admittedOn day of admission
 * @param agreementDate incubation agreement signed on, null when none yet
 * @param inFocusSegment in the institution's focus segment
 * @param stage where on the chain it starts, NURSERY when null
 */
public record TeamForm(String name, String leader, List<String> members, Integer memberCount, String field,
		LocalDate admittedOn, LocalDate agreementDate, boolean inFocusSegment, ChainStage stage) {

	public TeamForm {
		members = (members == null) ? List.of()
				: members.stream().filter((m) -> m != null && !m.isBlank()).map(String::strip).toList();
	}

	static TeamForm empty() {
		return new TeamForm(null, null, List.of(), null, null, null, null, false, ChainStage.NURSERY);
	}

	/** People in the team: as given, or the leader and the members named. */
	int people() {
		return (this.memberCount != null) ? this.memberCount : this.members.size() + 1;
	}

	/** The members as one line, for the form. */
	public String membersText() {
		return String.join("、", this.members);
	}

}
