package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The monitor stands on its own: its classpath (its dependencies and what they bring, tests included)
 * holds neither the network layer (client-bridge and its protocol) nor commons-math3, which the
 * accumulator keeps in test scope. A dependency added to either pom fails here.
 */
class ModuleBoundaryTest {
    private static void absent(String className) {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(className, false, ModuleBoundaryTest.class.getClassLoader()),
                className + " is on the monitor's classpath");
    }

    @Test
    void theNetworkLayerIsNotADependency() {
        absent("org.luxnet.bridge.protocol.Ack");
        absent("org.luxnet.bridge.client.ClientSession");
    }

    @Test
    void theAccumulatorKeepsCommonsMathToItsTests() {
        absent("org.apache.commons.math3.util.FastMath");
    }

    @Test
    void theCheckSeesTheMonitorsOwnDependencies() throws Exception {
        // The control: a class of the monitor's own dependency (its JSON parser's) is found the same way.
        Class.forName("tools.jackson.core.json.JsonFactory", false, ModuleBoundaryTest.class.getClassLoader());
    }
}
