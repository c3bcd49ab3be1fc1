package cn.zhongchuang.chain.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 孵化链条 for other systems: signed in, scoped like the pages; ISO dates, stage and status
 * codes; bad input answered 400 problem+json naming the parameter, another's chain 404.
 */
@RestController
@Tag(name = "chains", description = "孵化链条试点")
@PreAuthorize(ChainController.ROLES)
class ChainApiController {

	private final ChainService chains;

	private final Regions regions;

	ChainApiController(ChainService chains, Regions regions) {
		this.chains = chains;
		this.regions = regions;
	}

	@GetMapping("/api/v1/chains")
	@Operation(summary = "The chains the user may see, newest application first, with their moves counted")
	Page list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, @AuthenticationPrincipal CurrentUser user) {
		if (region != null && !region.isBlank() && this.regions.check(region.strip()) != Regions.CodeCheck.VALID) {
			throw new FieldErrorException("region", "区划代码不正确：" + region);
		}
		ChainStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = ChainStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new FieldErrorException("status", "状态只能是 APPLIED、DESIGNATED、REFUSED 或 REVOKED");
			}
		}
		Integer p = number("page", page, 1, 1_000_000);
		Integer n = number("size", size, 1, 100);
		var result = this.chains.list(user, region, q, s).page(ListParams.page(p, n)).results();
		List<Chain> items = result.items();
		Map<Long, ChainMoves.Count> moves = this.chains.moves(items);
		var names = this.chains.institutionsOf(items);
		return new Page(
				items.stream().map((c) -> item(ChainView.of(c, null, names, moves.get(c.id())), false)).toList(),
				result.total(), result.page(), result.size());
	}

	@GetMapping("/api/v1/chains/{id}")
	@Operation(summary = "One chain with its stages, designation and every move along it")
	Item one(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		if (!id.matches("\\d{1,18}")) {
			throw new FieldErrorException("id", "链条编号须为数字：" + id);
		}
		Chain c = this.chains.get(Long.parseLong(id), user);
		return item(ChainView.of(c, null, this.chains.institutionsOf(List.of(c)), this.chains.moves(c)), true);
	}

	private static Integer number(String field, String value, int min, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("\\d{1,9}") || Integer.parseInt(value.strip()) < min
				|| Integer.parseInt(value.strip()) > max) {
			throw new FieldErrorException(field, field + " 须为 " + min + " 至 " + max + " 之间的整数");
		}
		return Integer.parseInt(value.strip());
	}

	private static Item item(ChainView v, boolean withMoves) {
		Chain c = v.chain();
		Designation designation = (c.number() != null) ? new Designation(c.number(), c.designatedOn(), c.authority())
				: null;
		List<Stage> stages = v.links()
			.stream()
			.map((l) -> new Stage(l.position(), l.institutionId(), l.name(), l.kind(), l.stage()))
			.toList();
		List<MoveItem> list = withMoves ? v.moves()
			.moves()
			.stream()
			.map((m) -> new MoveItem(m.creditCode(), m.name(), m.fromInstitution(), m.fromStage(), m.leftOn(),
					m.toInstitution(), m.toStage(), m.admittedOn()))
			.toList() : null;
		return new Item(c.id(), c.name(), c.regionCode(), c.authorityRegion(), c.status().name(), designation,
				c.refusalReason(), c.revocationReason(), c.decidedOn(), stages,
				new Moves(v.moves().total(), v.moves().byPair(), list));
	}

	record Page(List<Item> items, long total, int page, int size) {
	}

	record Item(long id, String name, String region, String authorityRegion, String status, Designation designation,
			String refusalReason, String revocationReason, LocalDate decidedOn, List<Stage> stages, Moves moves) {
	}

	record Designation(String number, LocalDate designatedOn, String authority) {
	}

	record Stage(int position, long institutionId, String institutionName, String kind, String stage) {
	}

	record Moves(int total, Map<String, Long> byPair, List<MoveItem> items) {
	}

	record MoveItem(String creditCode, String name, long fromInstitutionId, String fromStage, LocalDate leftOn,
			long toInstitutionId, String toStage, LocalDate admittedOn) {
	}

}
