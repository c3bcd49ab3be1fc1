package cn.zhongchuang.expert;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pool (phones masked), panels with sealed scoring, and an expert's submission, as
 * JSON. Errors are problem+json naming the field.
 */
@RestController
@Tag(name = "experts", description = "评审专家：专家库、随机抽取与回避、密封评分")
class ExpertApiController {

	private final ExpertPool pool;

	private final ExpertPanels panels;

	private final Experts experts;

	private final Regions regions;

	ExpertApiController(ExpertPool pool, ExpertPanels panels, Experts experts, Regions regions) {
		this.pool = pool;
		this.panels = panels;
		this.experts = experts;
		this.regions = regions;
	}

	@GetMapping("/api/v1/experts")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	@Operation(summary = "专家库（本辖区，电话脱敏）")
	PageResult<ExpertView> experts(ExpertQuery query, ListParams list, @AuthenticationPrincipal CurrentUser user) {
		return this.pool.list(query, user)
			.map((e) -> ExpertView.of(e, this.regions.fullName(e.regionCode())))
			.results(list);
	}

	@GetMapping("/api/v1/expert-panels/{id:\\d+}")
	@PreAuthorize("hasAnyRole('CITY_BUREAU', 'PROVINCE')")
	@Operation(summary = "评审专家组：成员与提交情况；全部提交后才有评分结果 results")
	PanelView panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		Panel panel = this.panels.visible(id, user);
		return PanelView.of(panel, this.regions.fullName(panel.subject().regionCode()),
				(expertId) -> this.experts.findById(expertId).orElseThrow());
	}

	@PostMapping("/api/v1/expert-panels/{id:\\d+}/scores")
	@PreAuthorize("hasRole('EXPERT')")
	@Operation(summary = "专家提交评分（密封）、评审意见与实地考察记录；揭晓后 409")
	Map<String, Object> submit(@PathVariable long id, @RequestBody ScoreRequest body,
			@AuthenticationPrincipal CurrentUser user) {
		Panel saved = this.panels.submit(id, body.version(), new ScoreInput(body.scores(), body.opinion(),
				body.inspectedOn(), body.inspectionPlace(), body.inspectionFindings()), user);
		return Map.of("panelId", saved.id(), "status", saved.status().name());
	}

	record ScoreRequest(int version, Map<String, String> scores, String opinion, String inspectedOn,
			String inspectionPlace, String inspectionFindings) {
	}

}
