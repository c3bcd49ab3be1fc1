package cn.zhongchuang.chain;

import java.time.LocalDate;

/** What happens to a chain, published after the change in its transaction. */
public final class ChainEvents {

	private ChainEvents() {
	}

	/** An operator applied for a chain pilot. */
	public record ChainApplied(long chainId, String regionCode, String authorityRegion) {
	}

	/** The authority designated the chain a pilot. */
	public record ChainDesignated(long chainId, String number, LocalDate designatedOn, String authority) {
	}

	/** The authority refused the application. */
	public record ChainRefused(long chainId, String reason) {
	}

	/** The authority revoked the designation: the chain is no pilot any more. */
	public record ChainRevoked(long chainId, String number, String reason) {
	}

}
