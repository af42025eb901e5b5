package ai.kubernaut.approval.request;

import java.util.UUID;

import ai.kubernaut.contracts.approval.ApprovalState;
import ai.kubernaut.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

/**
 * A decision that was not recorded, and why. Every refusal leaves the request as it was
 * (an overdue one is marked expired first), so the caller can show what stands.
 */
public class DecisionRefusedException extends ApiProblemException {

	/**
	 * Why a decision was refused.
	 */
	public enum Reason {

		/** Someone already approved or rejected it. */
		ALREADY_DECIDED,

		/** Its deadline passed. */
		EXPIRED,

		/** The engine withdrew it. */
		SUPERSEDED,

		/** This approver already decided on it (two-person rule, spent links). */
		ALREADY_VOTED,

		/** The token was minted for a plan other than the one that stands. */
		PLAN_MISMATCH,

		/** The approver may not decide for this namespace or group. */
		OUT_OF_SCOPE

	}

	private final Reason reason;

	private final UUID approvalId;

	private DecisionRefusedException(Reason reason, HttpStatus status, String slug, String title, String detail,
			UUID approvalId) {
		super(status, slug, title, detail);
		this.reason = reason;
		this.approvalId = approvalId;
		with("approvalId", approvalId);
	}

	static DecisionRefusedException of(Reason reason, Approval current, String approver) {
		UUID id = current.id();
		return switch (reason) {
			case ALREADY_DECIDED -> new DecisionRefusedException(reason, HttpStatus.CONFLICT,
					"approval-already-decided", "Approval Already Decided", "Approval request " + id + " is already "
							+ current.state() + " (by " + current.decidedBy() + " at " + current.decidedAt() + ").",
					id)
				.withState(current);
			case EXPIRED -> new DecisionRefusedException(reason, HttpStatus.CONFLICT, "approval-expired",
					"Approval Expired",
					"Approval request " + id + " expired at " + current.expiresAt() + "; it can no longer be decided.",
					id)
				.withState(current);
			case SUPERSEDED -> new DecisionRefusedException(
					reason, HttpStatus.CONFLICT, "approval-superseded", "Approval Superseded", "Approval request " + id
							+ " was withdrawn by the engine (" + current.comment() + "); it can no longer be decided.",
					id)
				.withState(current);
			case ALREADY_VOTED -> new DecisionRefusedException(reason, HttpStatus.CONFLICT, "approval-already-voted",
					"Already Decided By This Approver", approver + " already decided on approval request " + id
							+ "; a second approval must come from someone else.",
					id)
				.withState(current);
			case PLAN_MISMATCH ->
				new DecisionRefusedException(reason, HttpStatus.CONFLICT, "approval-plan-mismatch", "Plan Changed",
						"The decision was made for another plan than approval request " + id + " now stands for.", id);
			case OUT_OF_SCOPE -> new DecisionRefusedException(reason, HttpStatus.FORBIDDEN, "approver-out-of-scope",
					"Approver Out Of Scope",
					approver + " may not decide approvals for namespace " + current.target().namespace()
							+ ((current.approverGroup() != null) ? " and group " + current.approverGroup() : "") + ".",
					id);
		};
	}

	private DecisionRefusedException withState(Approval current) {
		with("state", current.state());
		if (current.decidedBy() != null) {
			with("decidedBy", current.decidedBy());
			with("decidedAt", current.decidedAt());
		}
		if (current.state() == ApprovalState.EXPIRED || current.state() == ApprovalState.PENDING) {
			with("expiresAt", current.expiresAt());
		}
		return this;
	}

	public Reason reason() {
		return this.reason;
	}

	public UUID approvalId() {
		return this.approvalId;
	}

}
