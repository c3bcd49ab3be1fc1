package cn.zhongchuang.chain.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhongchuang.tenant.TenantStays.Stay;

/**
 * The tenants' moves along a chain, counted from the tenant records: an enterprise (the
 * same credit code; a team that registered a company carries its code) that left an
 * institution of the chain at an earlier stage and was admitted, on the day it left or
 * later, to one at a later stage. Each admission counts once, from the latest
 * earlier-stage stay that ended before it; a move backwards or to the same stage is not
 * one.
 */
final class ChainMoves {

	private ChainMoves() {
	}

	/** One move: from a stay that ended to a later one at a later stage. */
	record Move(String creditCode, String name, long fromInstitution, String fromStage, LocalDate leftOn,
			long toInstitution, String toStage, LocalDate admittedOn) {

		public String pair() {
			return fromStage + "→" + toStage;
		}

	}

	/** The moves, and their number per pair of stages (苗圃→孵化器 …) in chain order. */
	record Count(List<Move> moves, Map<String, Long> byPair) {

		public int total() {
			return this.moves.size();
		}

	}

	static Count count(List<Chain.Link> links, List<Stay> stays) {
		Map<Long, String> stageOf = new LinkedHashMap<>();
		links.forEach((l) -> stageOf.put(l.institutionId(), l.stage()));
		Map<String, List<Stay>> byCode = stays.stream()
			.filter((s) -> stageOf.containsKey(s.institutionId()) && s.creditCode() != null)
			.collect(Collectors.groupingBy(Stay::creditCode, LinkedHashMap::new, Collectors.toList()));
		List<Move> moves = new ArrayList<>();
		for (List<Stay> ofOne : byCode.values()) {
			for (Stay to : ofOne) {
				int toOrder = Chain.order(stageOf.get(to.institutionId()));
				Optional<Stay> from = ofOne.stream()
					.filter((s) -> s != to && s.leftOn() != null && !s.leftOn().isAfter(to.admittedOn()))
					.filter((s) -> Chain.order(stageOf.get(s.institutionId())) < toOrder)
					.max(Comparator.comparing(Stay::leftOn).thenComparing(Stay::tenantId));
				from.ifPresent((f) -> moves
					.add(new Move(to.creditCode(), to.name(), f.institutionId(), stageOf.get(f.institutionId()),
							f.leftOn(), to.institutionId(), stageOf.get(to.institutionId()), to.admittedOn())));
			}
		}
		moves.sort(Comparator.comparing(Move::admittedOn).thenComparing(Move::creditCode));
		Map<String, Long> byPair = new LinkedHashMap<>();
		for (String a : Chain.STAGES) {
			for (String b : Chain.STAGES) {
				long n = moves.stream().filter((m) -> m.fromStage().equals(a) && m.toStage().equals(b)).count();
				if (n > 0) {
					byPair.put(a + "→" + b, n);
				}
			}
		}
		return new Count(List.copyOf(moves), byPair);
	}

}
