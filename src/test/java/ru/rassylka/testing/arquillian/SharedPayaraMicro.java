package ru.rassylka.testing.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro booted once for every container test class of a run: the first deployment starts
 * the server, later deployments of the same archive reuse it, and it stops when the run ends.
 * The adapter it extends starts a new Micro process for every deployment (about 20 s each).
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static Archive<?> deployed;
    private static ProtocolMetaData running;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        synchronized (SharedPayaraMicro.class) {
            if (running == null) {
                running = super.deploy(archive);
                deployed = archive;
            } else if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException(
                        "Container tests share one deployment, testing.Deployments.application(); " + archive.getName()
                                + " is another one");
            }
            return running;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept running for the next test class; stopped at the end of the run
    }

    @Override
    public void stop() throws LifecycleException {
        synchronized (SharedPayaraMicro.class) {
            if (running != null) {
                try {
                    super.undeploy(deployed);
                } catch (DeploymentException e) {
                    throw new LifecycleException("Payara Micro did not stop", e);
                }
                running = null;
                deployed = null;
            }
        }
    }
}
