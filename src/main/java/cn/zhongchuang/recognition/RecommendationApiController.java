package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 推荐 for other systems, scoped like the pages: a government user sees the recommendations
 * of institutions in its region and those sent to it; anything else 404.
 */
@RestController
@RequestMapping("/api/v1/recommendations")
@PreAuthorize(RecommendationController.ROLES)
@Tag(name = "recommendations", description = "推荐")
class RecommendationApiController {

	private final Recommendations recommendations;

	RecommendationApiController(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping
	@Operation(summary = "box=incoming (default): sent to the user's level and region; box=outgoing: sent by its "
			+ "level for institutions of its region; status SUBMITTED, ACCEPTED, REFUSED or WITHDRAWN")
	PageResult<Recommendations.View> list(@RequestParam(required = false) String box,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		boolean incoming;
		if (box == null || box.isBlank() || "incoming".equals(box.strip())) {
			incoming = true;
		}
		else if ("outgoing".equals(box.strip())) {
			incoming = false;
		}
		else {
			throw new FieldErrorException("box", "box 只能是 incoming 或 outgoing");
		}
		return this.recommendations.list(incoming, status, page, size, user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One recommendation; 404 outside the user's scope")
	Recommendations.View get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return this.recommendations.get(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Recommend the institution holding title titleId to toLevel (the next level only); "
			+ "the user must act at the title's level")
	Recommendations.View submit(@RequestBody Submit body, @AuthenticationPrincipal CurrentUser user) {
		if (body.titleId() == null) {
			throw new FieldErrorException("titleId", "请指明据以推荐的称号");
		}
		return this.recommendations.submit(body.titleId(), body.toLevel(), body.reasons(), user);
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "The receiving authority accepts: a title of the recommended level is granted "
			+ "(designation optional, a default otherwise)")
	Recommendations.View accept(@PathVariable long id, @RequestBody(required = false) Decide body,
			@AuthenticationPrincipal CurrentUser user) {
		Decide d = (body != null) ? body : new Decide(null, null, null);
		return this.recommendations.accept(id, d.version(), d.designation(), user);
	}

	@PostMapping("/{id}/refuse")
	@Operation(summary = "The receiving authority refuses; reasons required")
	Recommendations.View refuse(@PathVariable long id, @RequestBody(required = false) Decide body,
			@AuthenticationPrincipal CurrentUser user) {
		Decide d = (body != null) ? body : new Decide(null, null, null);
		return this.recommendations.refuse(id, d.version(), d.reasons(), user);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "The recommending side withdraws before a decision")
	Recommendations.View withdraw(@PathVariable long id, @RequestBody(required = false) Decide body,
			@AuthenticationPrincipal CurrentUser user) {
		Decide d = (body != null) ? body : new Decide(null, null, null);
		return this.recommendations.withdraw(id, d.version(), d.reasons(), user);
	}

	record Submit(Long titleId, String toLevel, String reasons) {
	}

	record Decide(Integer version, String designation, String reasons) {
	}

}
