import ArgumentParser
import KubeReachCore

extension CiliumEnforcement: ExpressibleByArgument {}
