package cn.zhongchuang.identity;

import java.net.URI;
import java.time.Clock;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.ListParams;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same account administration as the pages, for other systems (JSON, problem+json
 * errors).
 */
@RestController
@Tag(name = "users", description = "用户与账户")
class UserApiController {

	private final UserAdministration users;

	private final Regions regions;

	private final Clock clock;

	UserApiController(UserAdministration users, Regions regions, Clock clock) {
		this.users = users;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The signed-in user")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.id(), user.username(), user.displayName(), user.role().name(), user.regionCode(),
				this.regions.fullName(user.regionCode()));
	}

	@GetMapping("/api/v1/users")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "Accounts within the administrator's region")
	PageResult<UserView> list(UserQuery query, ListParams list, @AuthenticationPrincipal CurrentUser admin) {
		return this.users.list(query, admin).map(this::view).results(list);
	}

	@GetMapping("/api/v1/users/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	UserView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin) {
		return view(this.users.get(id, admin));
	}

	@PostMapping("/api/v1/users")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "Create an account; the answer carries its one-time temporary password")
	ResponseEntity<CreatedUser> create(@RequestBody UserAdministration.UserForm form,
			@AuthenticationPrincipal CurrentUser admin) {
		UserAdministration.Created created = this.users.create(form, admin);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.account().id()))
			.body(new CreatedUser(view(created.account()), created.temporaryPassword()));
	}

	@PutMapping("/api/v1/users/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	@Operation(summary = "Change name, role, region; 409 when the version is stale")
	UserView update(@PathVariable long id, @RequestBody VersionedForm body,
			@AuthenticationPrincipal CurrentUser admin) {
		return view(this.users.update(id, body.version(), body.toForm(), admin));
	}

	@PostMapping("/api/v1/users/{id}/disable")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	UserView disable(@PathVariable long id, @RequestBody Version body, @AuthenticationPrincipal CurrentUser admin) {
		return view(this.users.disable(id, body.version(), admin));
	}

	@PostMapping("/api/v1/users/{id}/enable")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	UserView enable(@PathVariable long id, @RequestBody Version body, @AuthenticationPrincipal CurrentUser admin) {
		return view(this.users.enable(id, body.version(), admin));
	}

	@PostMapping("/api/v1/users/{id}/reset-password")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECURITY_ADMIN')")
	CreatedUser resetPassword(@PathVariable long id, @RequestBody Version body,
			@AuthenticationPrincipal CurrentUser admin) {
		UserAdministration.Created reset = this.users.resetPassword(id, body.version(), admin);
		return new CreatedUser(view(reset.account()), reset.temporaryPassword());
	}

	private UserView view(UserAccount account) {
		return UserView.of(account, this.regions.fullName(account.regionCode()), this.clock.instant());
	}

	record Me(long id, String username, String displayName, String role, String regionCode, String regionName) {
	}

	record CreatedUser(UserView user, String temporaryPassword) {
	}

	record Version(int version) {
	}

	record VersionedForm(int version, String displayName, cn.zhongchuang.platform.Role role, String regionCode,
			String organization, String phone) {

		UserAdministration.UserForm toForm() {
			return new UserAdministration.UserForm(null, this.displayName, this.role, this.regionCode,
					this.organization, this.phone);
		}

	}

}
