/** Plain Java and DJL: the method's models, with no Beam. */
package io.auglove.models;
