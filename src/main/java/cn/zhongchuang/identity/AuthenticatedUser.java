package cn.zhongchuang.identity;

import java.util.Collection;
import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the (database-stored) session. Immutable; a password change
 * replaces it.
 */
public final class AuthenticatedUser implements UserDetails, CredentialsContainer, CurrentUser {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final String regionCode;

	private final boolean enabled;

	private final boolean locked;

	private final boolean passwordChangeRequired;

	// null in sessions written before the second factor existed: nothing pending
	private final SecondFactor secondFactor;

	private String passwordHash;

	AuthenticatedUser(long id, String username, String displayName, Role role, String regionCode, String passwordHash,
			boolean enabled, boolean locked, boolean passwordChangeRequired) {
		this(id, username, displayName, role, regionCode, passwordHash, enabled, locked, passwordChangeRequired,
				SecondFactor.NONE);
	}

	private AuthenticatedUser(long id, String username, String displayName, Role role, String regionCode,
			String passwordHash, boolean enabled, boolean locked, boolean passwordChangeRequired,
			SecondFactor secondFactor) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.regionCode = regionCode;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.passwordChangeRequired = passwordChangeRequired;
		this.secondFactor = secondFactor;
	}

	@Override
	public long id() {
		return this.id;
	}

	@Override
	public String username() {
		return this.username;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public Role role() {
		return this.role;
	}

	@Override
	public String regionCode() {
		return this.regionCode;
	}

	/**
	 * Set after an administrator's reset or when the password has reached its maximum
	 * age.
	 */
	public boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	/**
	 * Set between the password and the second factor: the user must type a code from the
	 * authenticator app, or enrol one, before anything else.
	 */
	public boolean secondFactorPending() {
		return secondFactor() != SecondFactor.NONE;
	}

	SecondFactor secondFactor() {
		return (this.secondFactor != null) ? this.secondFactor : SecondFactor.NONE;
	}

	AuthenticatedUser withPasswordChanged() {
		return new AuthenticatedUser(this.id, this.username, this.displayName, this.role, this.regionCode, null,
				this.enabled, this.locked, false, secondFactor());
	}

	AuthenticatedUser withSecondFactor(SecondFactor state) {
		return new AuthenticatedUser(this.id, this.username, this.displayName, this.role, this.regionCode,
				this.passwordHash, this.enabled, this.locked, this.passwordChangeRequired, state);
	}

	/** Where a signed-in user stands with the second factor in this session. */
	enum SecondFactor {

		/** Not needed, or already given. */
		NONE,
		/** Enrolled: the code is still to be typed. */
		VERIFY,
		/** Required for the role but not enrolled: enrolment comes first. */
		ENROL

	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AuthenticatedUser that && that.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return this.username;
	}

}
