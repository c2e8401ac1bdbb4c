package dev.datamanager.it.fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Scenarios 1 to 5 on two nodes sharing one PostgreSQL database; the crash comes last, it ends node A. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultClusterIT {

  private static final LeaseSettings LEASE = LeaseSettings.SHORT;

  private Cluster cluster;
  private FaultNode a;
  private FaultNode b;

  @BeforeAll
  void startNodes() {
    cluster = Cluster.onFreshDatabase("fault_cluster", LEASE, "fault-a", "fault-b");
    a = cluster.node("fault-a");
    b = cluster.node("fault-b");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void sameKeyJoinedOnTwoNodesAtOnceHasExactlyOneHolder() {
    new JoinRace(a, b).run(200);
  }

  @Test
  @Order(2)
  void teleportSeesTheLastUpdate() {
    Teleports.run(a, b, 50);
  }

  @Test
  @Order(3)
  void handoffFromALiveOwnerCarriesItsUnsavedUpdate() {
    Handoffs.run(a, b, 200);
  }

  @Test
  @Order(4)
  void aFrozenOwnerIsFencedOffAndAcknowledgesNothingUnsafe() {
    FrozenOwner.run(a, b, LEASE);
  }

  @Test
  @Order(5)
  void aKilledOwnersLeaseIsStolenWhenStaleWithItsLastAutosave() {
    CrashedOwner.run(a, b, LEASE);
  }
}
